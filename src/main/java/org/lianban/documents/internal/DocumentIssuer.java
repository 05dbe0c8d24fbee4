package org.lianban.documents.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.lianban.common.ClockConfig;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.CertificateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues one document: number, PDF, signature by the issuing authority, file store, database row — once per
 * (case, kind, event): a redelivered event gets the document issued the first time.
 */
@Component
class DocumentIssuer {

    private static final Logger log = LoggerFactory.getLogger(DocumentIssuer.class);
    /** Generated documents are a few hundred KB at most; anything larger is a bug, not a document. */
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    private final DocumentRepository repository;
    private final DocumentNumbers numbers;
    private final PdfComposer composer;
    private final PdfSigner signer;
    private final AuthorityKeys keys;
    private final FileStore files;
    private final String publicBaseUrl;

    DocumentIssuer(DocumentRepository repository, DocumentNumbers numbers, PdfComposer composer, PdfSigner signer,
            AuthorityKeys keys, FileStore files,
            @Value("${lianban.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.repository = repository;
        this.numbers = numbers;
        this.composer = composer;
        this.signer = signer;
        this.keys = keys;
        this.files = files;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Issues the document the draft describes unless this event already issued it.
     *
     * @param draft         everything but the number (and, for a certificate, its code and validity)
     * @param eventKey      identifies the event within the case and kind
     * @param validityYears certificates only
     */
    @Transactional
    public DocumentRow issue(DocumentRequest.Builder draft, DocumentKind kind, String caseNumber, String eventKey,
            DocumentRequest.Authority authority, java.time.Instant issuedAt, int validityYears) {
        Optional<DocumentRow> existing = repository.find(caseNumber, kind, eventKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        // the key first: creating a demo key takes a moment, and a failure here should not use up a number
        SigningKey key = keys.keyFor(authority.regionCode(), authority.name());
        LocalDate day = issuedAt.atZone(ClockConfig.CHINA).toLocalDate();
        String number = numbers.next(kind, day.getYear(), authority.regionCode());
        draft.number(number).caseNumber(caseNumber).authority(authority).issuedAt(issuedAt);
        String code = null;
        LocalDate validUntil = null;
        if (kind == DocumentKind.CERTIFICATE) {
            code = numbers.verificationCode();
            validUntil = day.plusYears(validityYears).minusDays(1);
            draft.certificate(new CertificateInfo(number, code, publicBaseUrl + "/verify/" + code, validUntil));
        }
        DocumentRequest request = draft.build();
        byte[] pdf = signer.sign(composer.render(request), key, authority.name(), kind.title(), issuedAt);
        StoredFile stored = files.put(keyPrefix(caseNumber), kind.name().toLowerCase(Locale.ROOT) + ".pdf",
                new ByteArrayInputStream(pdf), MAX_BYTES);
        deleteOnRollback(stored.key());
        DocumentRow row = new DocumentRow(0, caseNumber, kind, eventKey, number, issuedAt, authority.regionCode(),
                authority.name(), request.holder().name(), request.matterName(), validUntil, stored.key(),
                stored.size(), stored.sha256(), key.algorithm().name(), code, null, null, null);
        long id = repository.insert(row);
        log.info("issued {} {} for case {} ({} bytes, {})", kind, number, caseNumber, stored.size(),
                key.algorithm());
        return repository.find(id).orElseThrow();
    }

    /** The file store's key prefix: lower-case {@code [a-z0-9_-]} segments. */
    static String keyPrefix(String caseNumber) {
        return "documents/" + caseNumber.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    private void deleteOnRollback(String storageKey) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        files.delete(storageKey);
                    }
                }
            });
        }
    }
}
