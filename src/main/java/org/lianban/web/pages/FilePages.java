package org.lianban.web.pages;

import java.nio.charset.StandardCharsets;

import org.lianban.cases.CaseService;
import org.lianban.cases.MaterialFile;
import org.lianban.documents.Documents;
import org.lianban.identity.CurrentUser;
import org.lianban.web.PdfDownloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Files for signed-in pages: materials shown inline to officials (PDF in a frame, images) and documents to download.
 * The {@code /api} chain takes bearer tokens only, so pages reach the same files here with their session.
 */
@Controller
class FilePages {

    private final CaseService cases;
    private final Documents documents;

    FilePages(CaseService cases, Documents documents) {
        this.cases = cases;
        this.documents = documents;
    }

    @GetMapping("/files/cases/{number}/materials/{materialCode}")
    ResponseEntity<InputStreamResource> material(@PathVariable String number, @PathVariable String materialCode,
            CurrentUser user) {
        MaterialFile f = cases.openMaterial(user, number, materialCode, null);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .contentLength(f.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(f.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "frame-ancestors 'self'")
                .body(new InputStreamResource(f.content()));
    }

    @GetMapping("/files/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable long id, CurrentUser user) {
        return PdfDownloads.of(documents.download(id, user));
    }
}
