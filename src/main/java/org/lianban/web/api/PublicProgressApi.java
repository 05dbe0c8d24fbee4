package org.lianban.web.api;

import org.lianban.cases.CaseService;
import org.lianban.cases.PublicProgress;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public progress query (办件进度查询) with the case number and its query code; nothing personal. */
@RestController
class PublicProgressApi {

    private final CaseService cases;

    PublicProgressApi(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/public/progress")
    PublicProgress progress(@RequestParam(required = false) String number,
            @RequestParam(required = false) String code) {
        return cases.progress(number, code);
    }
}
