package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lianban.common.FileStore;
import org.lianban.common.StoredFile;
import org.lianban.documents.DocumentKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Certificates through the real database, file store and keys: issuing, numbering, public verification over HTTP,
 * the verification page and revocation. Runs on H2 and PostgreSQL.
 */
abstract class CertificateApiContract {

    @Autowired MockMvc mvc;
    @Autowired DocumentIssuer issuer;
    @Autowired DocumentRepository repository;
    @Autowired FileStore files;
    @Autowired JdbcClient jdbc;
    @Autowired PdfComposer composer;
    @Autowired PdfSigner signer;
    @Autowired AuthorityKeys keys;
    @Autowired DocumentRenderer renderer;

    static final Instant AT = Instant.parse("2026-03-04T02:30:00Z");

    DocumentRow certificate(String caseNumber) {
        DocumentRequest.Builder draft = DocumentRequest.builder(DocumentKind.CERTIFICATE).holder(Samples.HOLDER)
                .matterName("建设项目用地预审与选址意见书核发").fields(Samples.fields());
        return issuer.issue(draft, DocumentKind.CERTIFICATE, caseNumber, CaseDocuments.CERTIFICATE_EVENT,
                Samples.CITY, AT, 3);
    }

    String token(String username) throws Exception {
        String body = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return "Bearer " + JsonPath.read(body, "$.token");
    }

    /** A page request in Chinese (the platform's default language), whatever the JVM's locale. */
    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder page(String path) {
        return get(path).param("lang", "zh-CN").header("Accept-Language", "zh-CN");
    }

    static String uniqueCase() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anIssuedCertificateIsStoredSignedAndVerifiesPubliclyWithoutTheIdNumber() throws Exception {
        DocumentRow issued = certificate(uniqueCase());
        assertThat(issued.number()).matches("晋自然资证〔2026〕140100-\\d{6}号");
        assertThat(issued.verificationCode()).matches("[2-9A-Z]{16}");
        assertThat(issued.rendered()).as("issued at the event, rendered on first use").isFalse();
        // verifying is the certificate's first use: it is rendered, signed and stored now
        mvc.perform(get("/api/v1/public/certificates/verify").param("code", issued.verificationCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.revoked").value(false))
                .andExpect(jsonPath("$.number").value(issued.number()))
                .andExpect(jsonPath("$.holder").value(Samples.HOLDER.name()))
                .andExpect(jsonPath("$.matterName").value("建设项目用地预审与选址意见书核发"))
                .andExpect(jsonPath("$.issuedBy").value("太原市自然资源局"))
                .andExpect(jsonPath("$.issuedAt").value(org.hamcrest.Matchers.startsWith("2026-03-04T02:30")))
                .andExpect(jsonPath("$.validUntil").value("2029-03-03"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(Samples.HOLDER.idNumber()))));
        DocumentRow row = repository.find(issued.id()).orElseThrow();
        assertThat(row.rendered()).isTrue();
        try (InputStream in = files.open(row.storageKey())) {
            byte[] pdf = in.readAllBytes();
            assertThat(DocumentService.sha256(pdf)).isEqualTo(row.sha256());
            assertThat(row.sizeBytes()).isEqualTo(pdf.length);
            PdfSignatureTest.verifyWithBouncyCastle(pdf);
            assertThat(PdfDocumentsTest.text(pdf)).contains(row.number(), Samples.HOLDER.name(),
                    "/verify/" + row.verificationCode());
        }
        mvc.perform(page("/verify/" + row.verificationCode()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该证照有效")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(row.number())));
        assertThat(repository.find(issued.id()).orElseThrow().storageKey()).as("rendered once, kept")
                .isEqualTo(row.storageKey());
    }

    @Test
    void issuingStoresTheRowWithItsSnapshotAndNoFile() {
        DocumentRow row = certificate(uniqueCase());
        assertThat(row.storageKey()).isNull();
        assertThat(row.sha256()).isNull();
        DocumentRequest snapshot = DocumentSnapshots.read(repository.snapshot(row.id()).orElseThrow());
        assertThat(snapshot.number()).isEqualTo(row.number());
        assertThat(snapshot.issuedAt()).isEqualTo(AT);
        assertThat(snapshot.certificate().verificationCode()).isEqualTo(row.verificationCode());
        assertThat(snapshot.certificate().validUntil()).isEqualTo(row.validUntil());
        assertThat(snapshot.holder()).isEqualTo(Samples.HOLDER);
        // the idle pre-renderer finds it, and no longer once it is rendered
        assertThat(repository.notRendered(100_000)).contains(row.id());
        assertThat(renderer.rendered(row).rendered()).isTrue();
        assertThat(repository.notRendered(100_000)).doesNotContain(row.id());
    }

    @Test
    void twoFirstUsesAtOnceEndWithOneStoredFileServedToBoth() throws Exception {
        DocumentRow row = certificate(uniqueCase());
        // both renders have put their file before either records it: one wins, the other discards its own
        CyclicBarrier bothStored = new CyclicBarrier(2);
        Set<String> put = ConcurrentHashMap.newKeySet();
        FileStore meeting = new FileStore() {
            @Override
            public StoredFile put(String keyPrefix, String filename, InputStream content, long maxBytes) {
                StoredFile stored = files.put(keyPrefix, filename, content, maxBytes);
                put.add(stored.key());
                try {
                    bothStored.await(2, TimeUnit.MINUTES); // a bound against a hang, not a timing assertion
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return stored;
            }

            @Override
            public InputStream open(String key) {
                return files.open(key);
            }

            @Override
            public void delete(String key) {
                files.delete(key);
            }

            @Override
            public boolean exists(String key) {
                return files.exists(key);
            }
        };
        DocumentRenderer renderer = new DocumentRenderer(repository, composer, signer, keys, meeting);
        DocumentRow first;
        DocumentRow second;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<DocumentRow> a = pool.submit(() -> renderer.rendered(row));
            Future<DocumentRow> b = pool.submit(() -> renderer.rendered(row));
            first = a.get();
            second = b.get();
        }
        DocumentRow stored = repository.find(row.id()).orElseThrow();
        assertThat(put).hasSize(2);
        assertThat(put.stream().filter(files::exists).toList()).containsExactly(stored.storageKey());
        assertThat(first.storageKey()).isEqualTo(second.storageKey()).isEqualTo(stored.storageKey());
        mvc.perform(get("/api/v1/public/certificates/verify").param("code", row.verificationCode()))
                .andExpect(jsonPath("$.valid").value(true));
        assertThat(repository.find(row.id()).orElseThrow().storageKey()).isEqualTo(stored.storageKey());
    }

    @Test
    void anUnknownCodeIs404OnTheApiAndThePage() throws Exception {
        mvc.perform(get("/api/v1/public/certificates/verify").param("code", "ZZZZZZZZZZZZZZZZ"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(page("/verify/ZZZZZZZZZZZZZZZZ")).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未找到该核验码对应的证照")));
    }

    @Test
    void theDecidingApproverRevokesAndTheCertificateThenVerifiesAsRevoked() throws Exception {
        DocumentRow row = certificate(uniqueCase());
        String path = "/api/v1/certificates/{number}/revoke";
        mvc.perform(post(path, row.number()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post(path, row.number()).header("Authorization", token("approver@140105"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path, row.number()).header("Authorization", token("reviewer@140100"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        String approver = token("approver@140100");
        mvc.perform(post(path, row.number()).header("Authorization", approver)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post(path, "晋自然资证〔1999〕140100-999999号").header("Authorization", approver)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(post(path, row.number()).header("Authorization", approver)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"申请人以欺骗手段取得许可\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.valid").value(false));
        mvc.perform(post(path, row.number()).header("Authorization", approver)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/public/certificates/verify").param("code", row.verificationCode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.revokeReason").value("申请人以欺骗手段取得许可"));
        mvc.perform(page("/verify/" + row.verificationCode()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("该证照已撤销")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("申请人以欺骗手段取得许可")));
        assertThat(repository.find(row.id()).orElseThrow().revokedBy()).isEqualTo("approver@140100");
    }

    @Test
    void issuingTheSameEventTwiceCreatesOneDocumentAndNumbersCountUp() {
        String caseNumber = uniqueCase();
        DocumentRow first = certificate(caseNumber);
        DocumentRow again = certificate(caseNumber);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(repository.forCase(caseNumber)).hasSize(1);
        DocumentRow next = certificate(uniqueCase());
        long a = Long.parseLong(first.number().replaceAll(".*-(\\d{6})号", "$1"));
        long b = Long.parseLong(next.number().replaceAll(".*-(\\d{6})号", "$1"));
        assertThat(b).isGreaterThan(a);
    }
}
