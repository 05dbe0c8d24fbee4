package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianban.common.ApiException;
import org.lianban.common.ClockConfig;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.documents.CertificateVerification;
import org.lianban.documents.DocumentKind;
import org.lianban.identity.CurrentUser;
import org.springframework.http.HttpStatus;

/** Issuing, verification and revocation with the real PDF, signing and key classes; database and cases mocked. */
class DocumentServiceTest {

    static final PdfComposer COMPOSER = new PdfComposer(new CjkFonts());
    static final Instant NOW = Instant.parse("2026-03-04T02:30:00Z");
    static final CurrentUser CITY_APPROVER = new CurrentUser("approver@140100", "审批", Role.APPROVER, "140100", Level.CITY);

    @TempDir Path keysDir;
    InMemoryFileStore files;
    DocumentRepository repository;
    DocumentNumbers numbers;
    AuthorityKeys keys;
    DocumentIssuer issuer;
    DocumentRenderer renderer;
    DocumentService service;
    Clock clock = Clock.fixed(NOW, ClockConfig.CHINA);
    /** The repository's row 7 and its snapshot, as the mocked repository keeps them. */
    DocumentRow current;
    String snapshot;
    /** {@link DocumentRepository#storeFile}: records the file unless one is recorded already. */
    final org.mockito.stubbing.Answer<Boolean> storeFile = inv -> {
        if (current.rendered()) {
            return false;
        }
        DocumentRow r = current;
        current = new DocumentRow(r.id(), r.caseNumber(), r.kind(), r.eventKey(), r.number(), r.issuedAt(),
                r.authorityCode(), r.authorityName(), r.holderName(), r.matterName(), r.validUntil(),
                inv.getArgument(1), inv.getArgument(2), inv.getArgument(3), inv.getArgument(4),
                r.verificationCode(), r.revokedAt(), r.revokeReason(), r.revokedBy());
        return true;
    };

    @BeforeEach
    void setUp() {
        files = new InMemoryFileStore();
        repository = mock(DocumentRepository.class);
        numbers = mock(DocumentNumbers.class);
        keys = new DemoAuthorityKeys(keysDir, SignatureAlgorithm.SM2, "pw".toCharArray(), clock);
        issuer = new DocumentIssuer(repository, numbers, keys, "https://lianban.example/");
        renderer = new DocumentRenderer(repository, COMPOSER, new PdfSigner(), keys, files);
        service = new DocumentService(repository, renderer, files, keys, new SignatureVerifier(),
                mock(org.lianban.cases.Cases.class), clock);
        when(numbers.next(any(), anyInt(), anyString())).thenReturn("晋自然资证〔2026〕140100-000001号");
        when(numbers.verificationCode()).thenReturn("ABCDEFGHJKMNPQRS");
        when(repository.find("C-1", DocumentKind.CERTIFICATE, "certificate")).thenReturn(Optional.empty());
        when(repository.insert(any(), anyString())).thenAnswer(inv -> {
            current = withId(inv.getArgument(0), 7);
            snapshot = inv.getArgument(1);
            return 7L;
        });
        when(repository.find(7L)).thenAnswer(inv -> Optional.ofNullable(current));
        when(repository.snapshot(7L)).thenAnswer(inv -> Optional.ofNullable(snapshot));
        when(repository.storeFile(eq(7L), anyString(), anyLong(), anyString(), anyString())).thenAnswer(storeFile);
        when(repository.findByVerificationCode("ABCDEFGHJKMNPQRS")).thenAnswer(inv -> Optional.ofNullable(current));
    }

    static int anyInt() {
        return org.mockito.ArgumentMatchers.anyInt();
    }

    /** Issues a certificate (no PDF yet) as the listener does. */
    DocumentRow issueOnly() {
        DocumentRequest.Builder draft = DocumentRequest.builder(DocumentKind.CERTIFICATE).holder(Samples.HOLDER)
                .matterName("建设项目用地预审与选址意见书核发").fields(Samples.fields());
        return issuer.issue(draft, DocumentKind.CERTIFICATE, "C-1", "certificate", Samples.CITY, NOW, 3);
    }

    /** Issues a certificate through the issuer, renders it and returns the row as stored. */
    DocumentRow issueCertificate() {
        DocumentRow row = renderer.rendered(issueOnly());
        when(repository.findCertificate(row.number())).thenReturn(Optional.of(row));
        return row;
    }

    static DocumentRow withId(DocumentRow r, long id) {
        return new DocumentRow(id, r.caseNumber(), r.kind(), r.eventKey(), r.number(), r.issuedAt(), r.authorityCode(),
                r.authorityName(), r.holderName(), r.matterName(), r.validUntil(), r.storageKey(), r.sizeBytes(),
                r.sha256(), r.signatureAlgorithm(), r.verificationCode(), r.revokedAt(), r.revokeReason(), r.revokedBy());
    }

    @Test
    void issuingStoresTheSnapshotOnlyAndTheFirstDownloadRendersItSignedAtTheIssueTime() throws Exception {
        DocumentRow issued = issueOnly();
        assertThat(issued.rendered()).isFalse();
        assertThat(issued.number()).isEqualTo("晋自然资证〔2026〕140100-000001号");
        assertThat(issued.verificationCode()).isEqualTo("ABCDEFGHJKMNPQRS");
        assertThat(issued.validUntil()).isEqualTo(LocalDate.of(2029, 3, 3));
        assertThat(files.bytes).isEmpty();
        assertThat(DocumentSnapshots.read(snapshot).certificate().verifyUrl())
                .isEqualTo("https://lianban.example/verify/ABCDEFGHJKMNPQRS");

        byte[] first = service.download(7, CITY_APPROVER).content();
        assertThat(current.rendered()).isTrue();
        assertThat(files.bytes).containsOnlyKeys(current.storageKey());
        assertThat(DocumentService.sha256(first)).isEqualTo(current.sha256());
        assertThat(current.sizeBytes()).isEqualTo(first.length);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(first)) {
            assertThat(pdf.getLastSignatureDictionary().getSignDate().toInstant()).isEqualTo(NOW);
        }
        assertThat(PdfDocumentsTest.text(first)).contains(issued.number(), Samples.HOLDER.name());

        byte[] second = service.download(7, CITY_APPROVER).content();
        assertThat(second).isEqualTo(first);
        assertThat(files.bytes).hasSize(1);
        verify(repository, org.mockito.Mockito.times(1)).storeFile(eq(7L), anyString(), anyLong(), anyString(),
                anyString());
    }

    @Test
    void aRenderThatLosesTheRaceDiscardsItsOwnFileAndServesTheWinners() {
        DocumentRow issued = issueOnly();
        DocumentRow winner = renderer.rendered(issued);
        byte[] winners = files.bytes.get(winner.storageKey()).clone();
        // a second render of the same row (started before the winner recorded its file) finishes afterwards
        DocumentRow served = renderer.rendered(issued);
        assertThat(served.storageKey()).isEqualTo(winner.storageKey());
        assertThat(files.bytes).containsOnlyKeys(winner.storageKey());
        assertThat(files.bytes.get(served.storageKey())).isEqualTo(winners);
    }

    @Test
    void aFailedRenderLeavesNothingBehindAndTheNextUseRendersAgain() {
        DocumentRow issued = issueOnly();
        org.mockito.Mockito.doThrow(new org.springframework.dao.QueryTimeoutException("database gone"))
                .doAnswer(storeFile)
                .when(repository).storeFile(eq(7L), anyString(), anyLong(), anyString(), anyString());
        assertThatThrownBy(() -> renderer.rendered(issued))
                .isInstanceOf(org.springframework.dao.QueryTimeoutException.class);
        assertThat(files.bytes).isEmpty();
        assertThat(current.rendered()).isFalse();

        AuthorityKeys broken = mock(AuthorityKeys.class);
        when(broken.keyFor(anyString(), anyString())).thenThrow(new IllegalStateException("no key"));
        assertThatThrownBy(() -> new DocumentRenderer(repository, COMPOSER, new PdfSigner(), broken, files)
                .rendered(issued)).isInstanceOf(IllegalStateException.class);
        assertThat(files.bytes).isEmpty();
        assertThat(current.rendered()).isFalse();

        DocumentRow again = renderer.rendered(issued);
        assertThat(again.rendered()).isTrue();
        assertThat(files.bytes).containsOnlyKeys(again.storageKey());
    }

    @Test
    void aCertificateNobodyOpenedYetVerifiesByItsCode() {
        issueOnly();
        CertificateVerification v = service.verify("ABCDEFGHJKMNPQRS");
        assertThat(v.valid()).isTrue();
        assertThat(v.authentic()).isTrue();
        assertThat(current.rendered()).isTrue();
    }

    @Test
    void anIssuedCertificateVerifiesAsValidWithItsPublicFacts() throws Exception {
        DocumentRow row = issueCertificate();
        assertThat(row.validUntil()).isEqualTo(LocalDate.of(2029, 3, 3));
        assertThat(row.signatureAlgorithm()).isEqualTo("SM2");
        assertThat(PdfDocumentsTest.text(files.bytes.get(row.storageKey())))
                .contains("https://lianban.example/verify/ABCDEFGHJKMNPQRS".replace("https://", ""));
        CertificateVerification v = service.verify("abcdefghjkmnpqrs");
        assertThat(v.valid()).isTrue();
        assertThat(v.authentic()).isTrue();
        assertThat(v.revoked()).isFalse();
        assertThat(v.holder()).isEqualTo(Samples.HOLDER.name());
        assertThat(v.issuedBy()).isEqualTo("太原市自然资源局");
        assertThat(v.validUntil()).isEqualTo(LocalDate.of(2029, 3, 3));
        assertThat(v.toString()).doesNotContain(Samples.HOLDER.idNumber());
    }

    @Test
    void aStoredFileChangedByOneByteNoLongerVerifies() {
        DocumentRow row = issueCertificate();
        byte[] pdf = files.bytes.get(row.storageKey());
        pdf[pdf.length / 3] ^= 0x20;
        CertificateVerification v = service.verify("ABCDEFGHJKMNPQRS");
        assertThat(v.authentic()).isFalse();
        assertThat(v.valid()).isFalse();
    }

    @Test
    void aFileReplacedByOneSignedWithAnotherDeploymentsKeyDoesNotVerify() {
        DocumentRow row = issueCertificate();
        SigningKey foreign = new DemoAuthorityKeys(keysDir.resolve("elsewhere"), SignatureAlgorithm.SM2,
                "pw".toCharArray(), clock).keyFor("140100", "太原市自然资源局");
        byte[] forged = new PdfSigner().sign(COMPOSER.render(Samples.of(DocumentKind.CERTIFICATE)), foreign,
                "太原市自然资源局", "签发", NOW);
        files.bytes.put(row.storageKey(), forged);
        // even with the forged file's hash recorded, the signature is not by our key
        DocumentRow rehashed = new DocumentRow(row.id(), row.caseNumber(), row.kind(), row.eventKey(), row.number(),
                row.issuedAt(), row.authorityCode(), row.authorityName(), row.holderName(), row.matterName(),
                row.validUntil(), row.storageKey(), forged.length, DocumentService.sha256(forged),
                row.signatureAlgorithm(), row.verificationCode(), null, null, null);
        when(repository.findByVerificationCode("ABCDEFGHJKMNPQRS")).thenReturn(Optional.of(rehashed));
        assertThat(service.verify("ABCDEFGHJKMNPQRS").valid()).isFalse();
    }

    @Test
    void anUnknownOrMalformedCodeIs404() {
        when(repository.findByVerificationCode(anyString())).thenReturn(Optional.empty());
        for (String code : new String[] {"ZZZZZZZZZZZZZZZZ", "", "'; drop table document; --"}) {
            assertThatThrownBy(() -> service.verify(code)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        }
    }

    @Test
    void theDecidingApproverRevokesWithAReasonAndTheCertificateThenVerifiesAsRevoked() {
        DocumentRow row = issueCertificate();
        when(repository.revoke(eq(7L), eq(NOW), eq("以欺骗手段取得许可"), eq("approver@140100"))).thenReturn(true);
        DocumentRow revoked = new DocumentRow(7, row.caseNumber(), row.kind(), row.eventKey(), row.number(),
                row.issuedAt(), row.authorityCode(), row.authorityName(), row.holderName(), row.matterName(),
                row.validUntil(), row.storageKey(), row.sizeBytes(), row.sha256(), row.signatureAlgorithm(),
                row.verificationCode(), NOW, "以欺骗手段取得许可", "approver@140100");
        when(repository.find(7L)).thenReturn(Optional.of(revoked));
        CertificateVerification v = service.revoke(row.number(), " 以欺骗手段取得许可 ", CITY_APPROVER);
        assertThat(v.revoked()).isTrue();
        assertThat(v.valid()).isFalse();
        assertThat(v.authentic()).isTrue();
        assertThat(v.revokeReason()).isEqualTo("以欺骗手段取得许可");
    }

    @Test
    void onlyAnApproverOfTheIssuingAuthorityMayRevoke() {
        DocumentRow row = issueCertificate();
        CurrentUser countyApprover = new CurrentUser("approver@140105", "x", Role.APPROVER, "140105", Level.COUNTY);
        CurrentUser cityReviewer = new CurrentUser("reviewer@140100", "x", Role.REVIEWER, "140100", Level.CITY);
        CurrentUser applicant = new CurrentUser("applicant1", "x", Role.APPLICANT, null, null);
        for (CurrentUser u : new CurrentUser[] {countyApprover, cityReviewer, applicant}) {
            assertThatThrownBy(() -> service.revoke(row.number(), "理由", u)).as(u.username())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
        }
        verify(repository, never()).revoke(anyLong(), any(), any(), any());
    }

    @Test
    void revokingNeedsAReasonAKnownCertificateAndOnlyOnce() {
        DocumentRow row = issueCertificate();
        assertThatThrownBy(() -> service.revoke(row.number(), "  ", CITY_APPROVER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("reason");
                });
        when(repository.findCertificate("nope")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> service.revoke("nope", "理由", CITY_APPROVER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
        when(repository.revoke(anyLong(), any(), any(), any())).thenReturn(false);
        assertThatThrownBy(() -> service.revoke(row.number(), "理由", CITY_APPROVER))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void aCertificatePastItsValidityIsNotValid() {
        issueCertificate();
        DocumentService later = new DocumentService(repository, renderer, files, keys, new SignatureVerifier(),
                mock(org.lianban.cases.Cases.class), Clock.fixed(Instant.parse("2029-03-04T02:00:00Z"), ClockConfig.CHINA));
        CertificateVerification v = later.verify("ABCDEFGHJKMNPQRS");
        assertThat(v.expired()).isTrue();
        assertThat(v.authentic()).isTrue();
        assertThat(v.valid()).isFalse();
    }

    @Test
    void aCertificateSignedBeforeTheAlgorithmWasSwitchedToRsaStillVerifies() {
        issueCertificate(); // SM2
        AuthorityKeys rsa = new DemoAuthorityKeys(keysDir, SignatureAlgorithm.RSA, "pw".toCharArray(), clock);
        assertThat(rsa.keyFor("140100", "太原市自然资源局").algorithm()).isEqualTo(SignatureAlgorithm.RSA);
        DocumentService afterSwitch = new DocumentService(repository, renderer, files, rsa, new SignatureVerifier(),
                mock(org.lianban.cases.Cases.class), clock);
        assertThat(afterSwitch.verify("ABCDEFGHJKMNPQRS").authentic()).isTrue();
        // an authority without any key of that algorithm cannot vouch for anything
        assertThat(rsa.certificate("140999", SignatureAlgorithm.SM2)).isEmpty();
    }

    @Test
    void aRedeliveredEventGetsTheDocumentIssuedTheFirstTime() {
        DocumentRow existing = withId(issueCertificate(), 7);
        when(repository.find("C-1", DocumentKind.CERTIFICATE, "certificate")).thenReturn(Optional.of(existing));
        int filesBefore = files.bytes.size();
        DocumentRow again = issuer.issue(DocumentRequest.builder(DocumentKind.CERTIFICATE).holder(Samples.HOLDER),
                DocumentKind.CERTIFICATE, "C-1", "certificate", Samples.CITY, NOW, 3);
        assertThat(again).isSameAs(existing);
        assertThat(files.bytes).hasSize(filesBefore);
    }

    @Test
    void storageKeysAreSafePathSegments() {
        assertThat(DocumentRenderer.keyPrefix("LB-2026/140105 0001")).isEqualTo("documents/lb-2026-140105-0001");
    }
}
