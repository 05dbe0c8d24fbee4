package org.lianban.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.lianban.cases.Cases;
import org.lianban.common.ApiException;
import org.lianban.common.FileStore;
import org.lianban.common.Role;
import org.lianban.documents.CaseDocument;
import org.lianban.documents.CertificateVerification;
import org.lianban.documents.DocumentFile;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.Documents;
import org.lianban.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of documents, public verification and revocation. */
@Service
class DocumentService implements Documents {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final int MAX_REASON = 500;

    private final DocumentRepository repository;
    private final DocumentRenderer renderer;
    private final FileStore files;
    private final AuthorityKeys keys;
    private final SignatureVerifier verifier;
    private final Cases cases;
    private final Clock clock;

    DocumentService(DocumentRepository repository, DocumentRenderer renderer, FileStore files, AuthorityKeys keys,
            SignatureVerifier verifier, Cases cases, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.files = files;
        this.keys = keys;
        this.verifier = verifier;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public List<CaseDocument> forCase(String caseNumber, CurrentUser user) {
        cases.requireVisible(caseNumber, user);
        return repository.forCase(caseNumber).stream()
                .map(r -> new CaseDocument(r.id(), r.kind(), r.number(), r.issuedAt(), "/api/v1/documents/" + r.id(),
                        r.verificationCode(), r.revoked()))
                .toList();
    }

    @Override
    public DocumentFile download(long id, CurrentUser user) {
        DocumentRow row = repository.find(id).orElseThrow(() -> ApiException.notFound("No document " + id + "."));
        try {
            cases.requireVisible(row.caseNumber(), user);
        } catch (ApiException e) {
            throw ApiException.notFound("No document " + id + "."); // never reveal that it exists
        }
        return new DocumentFile(row.caseNumber(), row.kind().title() + "-" + row.caseNumber() + ".pdf",
                read(renderer.rendered(row)));
    }

    @Override
    public CertificateVerification verify(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        DocumentRow row = (c.matches("[0-9A-Z]{8,32}") ? repository.findByVerificationCode(c)
                : java.util.Optional.<DocumentRow>empty())
                .filter(r -> r.kind() == DocumentKind.CERTIFICATE)
                .orElseThrow(() -> ApiException.notFound("No certificate has this verification code."));
        return verification(row);
    }

    @Override
    @Transactional
    public CertificateVerification revoke(String certificateNumber, String reason, CurrentUser user) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "Give the reason for revoking the certificate (撤销理由).");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw ApiException.badRequest("reason", "Keep the reason within " + MAX_REASON + " characters.");
        }
        DocumentRow row = repository.findCertificate(certificateNumber)
                .orElseThrow(() -> ApiException.notFound("No certificate " + certificateNumber + "."));
        if (user.role() != Role.APPROVER || !row.authorityCode().equals(user.regionCode())) {
            throw ApiException.forbidden("Only an approver of the issuing authority (" + row.authorityName()
                    + ") may revoke this certificate.");
        }
        if (!repository.revoke(row.id(), clock.instant(), reason.strip(), user.username())) {
            throw ApiException.conflict("Certificate " + certificateNumber + " is already revoked.");
        }
        log.info("certificate {} of case {} revoked", row.number(), row.caseNumber());
        return verification(repository.find(row.id()).orElseThrow());
    }

    /**
     * Signature by the issuing authority's key, the stored hash, revocation and validity. A certificate nobody has
     * opened yet is rendered now: its code, number and validity were fixed at its issue, and what is checked is the
     * signed file that is then kept.
     */
    CertificateVerification verification(DocumentRow issued) {
        DocumentRow row = renderer.rendered(issued);
        byte[] pdf = read(row);
        boolean hashMatches = MessageDigest.isEqual(sha256(pdf).getBytes(), row.sha256().getBytes());
        boolean signed = keys.certificate(row.authorityCode(), SignatureAlgorithm.valueOf(row.signatureAlgorithm()))
                .map(cert -> verifier.verify(pdf, cert)).orElse(false);
        boolean authentic = hashMatches && signed;
        if (!authentic) {
            log.warn("certificate {} failed verification (hash {}, signature {})", row.number(), hashMatches, signed);
        }
        boolean expired = row.validUntil() != null && LocalDate.now(clock).isAfter(row.validUntil());
        return new CertificateVerification(authentic && !row.revoked() && !expired, row.revoked(), row.number(),
                row.holderName(), row.matterName(), row.authorityName(), row.issuedAt(), row.validUntil(), authentic,
                expired, row.revokedAt(), row.revokeReason());
    }

    private byte[] read(DocumentRow row) {
        try (InputStream in = files.open(row.storageKey())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + row.id(), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
