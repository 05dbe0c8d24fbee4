package org.lianban.web;

import java.nio.charset.StandardCharsets;

import org.lianban.documents.DocumentFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A signed document as a download, the same for the API and the pages: never cached (it names a person). */
public final class PdfDownloads {

    private PdfDownloads() {
    }

    public static ResponseEntity<byte[]> of(DocumentFile f) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(f.content());
    }
}
