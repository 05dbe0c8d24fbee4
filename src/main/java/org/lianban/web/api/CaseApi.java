package org.lianban.web.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.lianban.cases.ActionRequest;
import org.lianban.cases.CaseService;
import org.lianban.cases.CaseSummary;
import org.lianban.cases.CaseView;
import org.lianban.cases.MaterialFile;
import org.lianban.cases.MaterialInfo;
import org.lianban.cases.NewCase;
import org.lianban.cases.TimelineEntry;
import org.lianban.common.ApiException;
import org.lianban.identity.CurrentUser;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Cases (办件): apply, upload, submit, act, read (API.md "Resources"). */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

    private final CaseService cases;

    CaseApi(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    ResponseEntity<CaseView> create(CurrentUser user, @RequestBody NewCase request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        CaseView v = cases.create(user, request, key);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + v.number())).body(v);
    }

    @GetMapping
    List<CaseSummary> list(CurrentUser user, @RequestParam(required = false) Boolean mine) {
        if (!Boolean.TRUE.equals(mine)) {
            throw ApiException.badRequest("mine", "Use ?mine=true for your own cases; officials use /api/v1/tasks.");
        }
        return cases.mine(user);
    }

    @GetMapping("/{number}")
    CaseView get(CurrentUser user, @PathVariable String number) {
        return cases.view(user, number);
    }

    @GetMapping("/{number}/timeline")
    List<TimelineEntry> timeline(CurrentUser user, @PathVariable String number) {
        return cases.timeline(user, number);
    }

    @PutMapping(path = "/{number}/materials/{materialCode}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    MaterialInfo upload(CurrentUser user, @PathVariable String number, @PathVariable String materialCode,
            @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("file", "Attach the material as multipart part 'file' (not empty).");
        }
        return cases.uploadMaterial(user, number, materialCode, file.getOriginalFilename(), file.getInputStream());
    }

    @GetMapping("/{number}/materials/{materialCode}")
    ResponseEntity<InputStreamResource> download(CurrentUser user, @PathVariable String number,
            @PathVariable String materialCode, @RequestParam(required = false) Integer version) {
        MaterialFile f = cases.openMaterial(user, number, materialCode, version);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.filename(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(f.size())
                .body(new InputStreamResource(f.content()));
    }

    @PostMapping("/{number}/submit")
    CaseView submit(CurrentUser user, @PathVariable String number,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return cases.submit(user, number, key);
    }

    @PostMapping("/{number}/actions")
    CaseView act(CurrentUser user, @PathVariable String number, @RequestBody ActionRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return cases.act(user, number, request, key);
    }
}
