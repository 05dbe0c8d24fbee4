package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.lianban.common.ClockConfig;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.CertificateInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one document — once per (case, kind, event): a redelivered event gets the document issued the first time.
 * Issuing fixes everything the document says: its number, issue time, authority, validity and verification code, and
 * a snapshot of all that is printed on it. No PDF work happens here (a few milliseconds of CPU each would cap how many
 * case events per second the listener keeps up with): {@link DocumentRenderer} renders and signs the PDF from the
 * snapshot the first time it is needed.
 */
@Component
class DocumentIssuer {

    private static final Logger log = LoggerFactory.getLogger(DocumentIssuer.class);

    private final DocumentRepository repository;
    private final DocumentNumbers numbers;
    private final AuthorityKeys keys;
    private final String publicBaseUrl;

    DocumentIssuer(DocumentRepository repository, DocumentNumbers numbers, AuthorityKeys keys,
            @Value("${lianban.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.repository = repository;
        this.numbers = numbers;
        this.keys = keys;
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
            DocumentRequest.Authority authority, Instant issuedAt, int validityYears) {
        Optional<DocumentRow> existing = repository.find(caseNumber, kind, eventKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        // the authority must have a key before a number is used up (no key: the event fails and is retried); creating
        // a demo key takes a moment once; the key itself is unlocked only when the PDF is signed
        SignatureAlgorithm algorithm = keys.algorithmFor(authority.regionCode(), authority.name());
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
        DocumentRow row = new DocumentRow(0, caseNumber, kind, eventKey, number, issuedAt, authority.regionCode(),
                authority.name(), request.holder().name(), request.matterName(), validUntil, null, 0, null,
                algorithm.name(), code, null, null, null);
        long id = repository.insert(row, DocumentSnapshots.write(request));
        log.debug("issued {} {} for case {} (rendered on first use)", kind, number, caseNumber);
        return row.withId(id);
    }
}
