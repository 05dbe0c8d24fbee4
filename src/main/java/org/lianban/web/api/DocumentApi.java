package org.lianban.web.api;

import java.time.Instant;
import java.util.List;

import org.lianban.documents.CaseDocument;
import org.lianban.documents.CertificateVerification;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.Documents;
import org.lianban.identity.CurrentUser;
import org.lianban.web.PdfDownloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;

/** Documents of a case, their PDFs, public certificate verification and revocation (API.md). */
@RestController
@RequestMapping("/api/v1")
class DocumentApi {

    private final Documents documents;

    DocumentApi(Documents documents) {
        this.documents = documents;
    }

    /** One entry of a case's document list; {@code verificationCode} only on the certificate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DocumentView(long id, DocumentKind kind, String title, String number, Instant issuedAt, String url,
            String verificationCode, Boolean revoked) {

        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.id(), d.kind(), d.kind().title(), d.number(), d.issuedAt(), d.url(),
                    d.verificationCode(), d.kind() == DocumentKind.CERTIFICATE ? d.revoked() : null);
        }
    }

    record RevokeRequest(String reason) {}

    @Operation(summary = "Notices, decisions and the certificate of a case (same visibility as the case)")
    @GetMapping("/cases/{number}/documents")
    List<DocumentView> forCase(@PathVariable String number, CurrentUser user) {
        return documents.forCase(number, user).stream().map(DocumentView::of).toList();
    }

    @Operation(summary = "The signed PDF of a document")
    @GetMapping("/documents/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, CurrentUser user) {
        return PdfDownloads.of(documents.download(id, user));
    }

    @Operation(summary = "Public verification of a certificate by the code printed on it (and in its QR code)")
    @GetMapping("/public/certificates/verify")
    CertificateVerification verify(@RequestParam String code) {
        return documents.verify(code);
    }

    @Operation(summary = "Revoke a certificate: an approver of the issuing (deciding) authority, with a reason")
    @PostMapping("/certificates/{number}/revoke")
    CertificateVerification revoke(@PathVariable String number, @RequestBody(required = false) RevokeRequest body,
            CurrentUser user) {
        return documents.revoke(number, body == null ? null : body.reason(), user);
    }
}
