package org.lianban.web.api;

import java.util.List;

import org.lianban.cases.CaseService;
import org.lianban.cases.TaskItem;
import org.lianban.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An official's task queue (待办), oldest first, with due times and warning colours. */
@RestController
class TaskApi {

    private final CaseService cases;

    TaskApi(CaseService cases) {
        this.cases = cases;
    }

    @GetMapping("/api/v1/tasks")
    List<TaskItem> tasks(CurrentUser user, @RequestParam(required = false) String matter,
            @RequestParam(required = false) String region, @RequestParam(defaultValue = "100") int limit) {
        return cases.tasks(user, matter, region, limit);
    }
}
