package org.lianban.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.lianban.TestClock;
import org.lianban.cases.CaseEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Documents through the real flow: cases driven over the HTTP API by demo users yield their notices, decisions and
 * certificate; the certificate's QR code leads to a page that says valid, and after revocation, revoked.
 */
abstract class DocumentFlowContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private final Map<String, String> tokens = new HashMap<>();

    // ------------------------------------------------------------------ the journeys

    @Test
    void aCaseApprovedThroughTheApiYieldsSignedNoticesADecisionAndACertificateWhoseQrVerifies() throws Exception {
        clock.set("2024-11-04T09:00");
        String n = submitted("applicant2", "NR-LAND-01-C", "140106");
        clock.set("2024-11-04T10:00");
        act("clerk@140106", n, "REQUEST_SUPPLEMENT", "missing", List.of("M03"), "opinion", "复印件不清晰");
        clock.set("2024-11-05T09:00");
        upload("applicant2", n, "M03", pdf("v2"));
        perform("applicant2", post("/api/v1/cases/" + n + "/submit")).andExpect(status().isOk());
        act("clerk@140106", n, "ACCEPT");
        act("reviewer@140106", n, "PASS");
        clock.set("2024-11-06T10:00");
        act("reviewer@140100", n, "PASS");
        act("approver@140100", n, "EXTEND", "days", 5, "opinion", "需征求生态环境部门意见");
        clock.set("2024-11-07T10:00");
        act("approver@140100", n, "APPROVE", "opinion", "准予许可");

        JsonNode docs = awaitDocuments("applicant2", n, 5);
        assertThat(kinds(docs)).containsExactly("SUPPLEMENT_NOTICE", "ACCEPTANCE_NOTICE", "EXTENSION_NOTICE",
                "CERTIFICATE", "APPROVAL_DECISION");
        JsonNode cert = find(docs, "CERTIFICATE");
        assertThat(cert.get("number").asString()).matches("晋自然资证〔2024〕140100-\\d{6}号");
        assertThat(cert.get("verificationCode").asString()).matches("[2-9A-Z]{16}");
        assertThat(find(docs, "ACCEPTANCE_NOTICE").has("verificationCode")).isFalse();

        String supplement = pdfText(download("applicant2", find(docs, "SUPPLEMENT_NOTICE")));
        assertThat(supplement).contains("补正材料通知书", "迎泽区自然资源局", "复印件不清晰", n);
        String acceptance = pdfText(download("applicant2", find(docs, "ACCEPTANCE_NOTICE")));
        assertThat(acceptance).contains("受理通知书", "迎泽区自然资源局", "山西示范建设有限公司");
        assertThat(pdfText(download("applicant2", find(docs, "EXTENSION_NOTICE"))))
                .contains("延期通知书", "太原市自然资源局", "需征求生态环境部门意见", "延长5个工作日");
        byte[] decision = download("applicant2", find(docs, "APPROVAL_DECISION"));
        assertThat(pdfText(decision)).contains("准予行政许可决定书", "太原市自然资源局", cert.get("number").asString());
        byte[] certificate = download("applicant2", cert);
        keepForReview("flow-CERTIFICATE", certificate);
        keepForReview("flow-APPROVAL_DECISION", decision);
        verifySignatureWithBouncyCastle(certificate);
        verifySignatureWithBouncyCastle(decision);
        assertThat(pdfText(certificate)).contains("行政许可证书", "山西示范建设有限公司", "91140105MA0GRX121J",
                "太原市示范项目", "发证机关：太原市自然资源局", "2024年11月7日至2027年11月6日");

        // the QR code printed on the certificate leads to the verification page, which says valid
        URI qr = URI.create(decodeQr(certificate));
        assertThat(qr.getPath()).isEqualTo("/verify/" + cert.get("verificationCode").asString());
        mvc.perform(page(qr.getPath())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该证照有效")));
        mvc.perform(get("/api/v1/public/certificates/verify").param("code", cert.get("verificationCode").asString()))
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.holder").value("山西示范建设有限公司"))
                .andExpect(jsonPath("$.matterName").value(Matchers.not(Matchers.emptyString())))
                .andExpect(jsonPath("$.validUntil").value("2027-11-06"));

        // handing it out creates nothing new; an approver of the deciding city revokes it
        clock.set("2024-11-08T10:00");
        act("clerk@140106", n, "ISSUE");
        assertThat(kinds(documents("applicant2", n))).hasSize(5);
        perform("approver@140100", post("/api/v1/certificates/{number}/revoke", cert.get("number").asString())
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"申请材料存在虚假内容\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revoked").value(true));
        mvc.perform(page(qr.getPath())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("该证照已撤销")));
        assertThat(documents("applicant2", n).get(3).get("revoked").asBoolean()).isTrue();
    }

    @Test
    void aDenialStatesItsReasonsAndRemediesAndIssuesNoCertificate() throws Exception {
        clock.set("2024-11-11T09:00");
        String n = submitted("applicant3", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        act("reviewer@140105", n, "PASS");
        clock.set("2024-11-12T09:00");
        act("approver@140105", n, "DENY", "opinion", "拟用地块位于永久基本农田保护红线内");
        JsonNode docs = awaitDocuments("applicant3", n, 2);
        assertThat(kinds(docs)).containsExactly("ACCEPTANCE_NOTICE", "DENIAL_DECISION");
        assertThat(pdfText(download("applicant3", find(docs, "DENIAL_DECISION")))).contains("不予行政许可决定书",
                "小店区自然资源局", "拟用地块位于永久基本农田保护红线内", "行政复议", "行政诉讼");
    }

    @Test
    void aRefusalToAcceptIsIssuedByTheWindowWithItsReason() throws Exception {
        clock.set("2024-11-13T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "REFUSE", "opinion", "申请事项不属于本机关职权范围");
        JsonNode docs = awaitDocuments("applicant1", n, 1);
        assertThat(kinds(docs)).containsExactly("REFUSAL");
        assertThat(pdfText(download("applicant1", docs.get(0)))).contains("不予受理决定书", "小店区自然资源局",
                "申请事项不属于本机关职权范围");
    }

    @Test
    void documentsAreSeenOnlyByThoseWhoMaySeeTheCase() throws Exception {
        clock.set("2024-11-14T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        JsonNode doc = awaitDocuments("applicant1", n, 1).get(0);
        String url = doc.get("url").asString();
        mvc.perform(get("/api/v1/cases/" + n + "/documents")).andExpect(status().isUnauthorized());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        for (String outsider : List.of("applicant2", "clerk@140106", "reviewer@140100")) {
            perform(outsider, get("/api/v1/cases/" + n + "/documents")).andExpect(status().isNotFound());
            perform(outsider, get(url)).andExpect(status().isNotFound());
        }
        perform("clerk@140105", get(url)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("attachment")));
        perform("supervisor@140100", get("/api/v1/cases/" + n + "/documents")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].kind").value("ACCEPTANCE_NOTICE"));
        perform("applicant1", get("/api/v1/documents/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aDocumentIsIssuedAtTheEventAndRenderedFromWhatItSaidThenOnItsFirstDownload() throws Exception {
        clock.set("2024-11-15T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        JsonNode doc = awaitDocuments("applicant1", n, 1).get(0);
        long id = Long.parseLong(doc.get("url").asString().replaceAll(".*/", ""));
        assertThat(storageKey(id)).as("issued without rendering").isNull();

        // the case changes after the notice was issued; the notice does not
        jdbc.sql("update case_file set applicant_name = ? where number = ?").params("改名后的公司", n).update();
        byte[] first = download("applicant1", doc);
        assertThat(pdfText(first)).contains("受理通知书", "山西示范建设有限公司").doesNotContain("改名后的公司");
        String key = storageKey(id);
        assertThat(key).as("rendered and stored on first use").isNotNull();

        byte[] second = download("applicant1", doc);
        assertThat(second).isEqualTo(first);
        assertThat(storageKey(id)).isEqualTo(key);
    }

    @Test
    void theDocumentsListenerIsRecordedOnlyForEventsThatProduceADocument() throws Exception {
        clock.set("2024-11-18T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105"); // CaseSubmitted: no document
        act("clerk@140105", n, "ACCEPT"); // CaseAccepted: the acceptance notice
        act("reviewer@140105", n, "PASS"); // StepPassed: no document
        // the registry stores its rows in the transitions' transactions: they are there once the actions returned
        List<String> forDocuments = publications(n, true);
        assertThat(forDocuments).containsExactly("CaseAccepted");
        assertThat(publications(n, false)).as("the other modules' listeners did get them")
                .contains("CaseSubmitted", "StepPassed");
    }

    @Autowired org.springframework.modulith.events.IncompleteEventPublications incompletePublications;

    /**
     * Nothing is lost: an event whose listener never ran (the node died after the case's commit) is handled when its
     * publication is republished, through the batch, and the publication is completed then.
     */
    @Test
    void anEventWhoseListenerNeverRanIsHandledWhenRepublished() throws Exception {
        clock.set("2024-11-19T09:00");
        String n = submitted("applicant1", "NR-LAND-01-X", "140105");
        act("clerk@140105", n, "ACCEPT");
        awaitDocuments("applicant1", n, 1);
        String ofThisCase = "%\"" + n + "\"%";
        awaitPublicationsCompleted(ofThisCase);
        // as if the documents listener had never committed: no notice, its publication incomplete
        jdbc.sql("delete from document where case_number = ?").param(n).update();
        assertThat(jdbc.sql("update event_publication set status = 'PUBLISHED', completion_date = null where "
                + "serialized_event like ? and listener_id like 'org.lianban.documents.%'").param(ofThisCase).update())
                .isEqualTo(1);

        incompletePublications.resubmitIncompletePublications(p -> p.getEvent() instanceof CaseEvent e
                && e.caseNumber().equals(n));

        JsonNode docs = awaitDocuments("applicant1", n, 1);
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).get("kind").asString()).isEqualTo("ACCEPTANCE_NOTICE");
        awaitPublicationsCompleted(ofThisCase);
    }

    /** The completion marks follow a batch's commit: waits (bounded) until none of these publications is open. */
    private void awaitPublicationsCompleted(String serializedLike) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql("select count(*) from event_publication where serialized_event like ? and "
                + "completion_date is null").param(serializedLike).query(Long.class).single() > 0) {
            assertThat(System.nanoTime()).as("publications completed in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String storageKey(long id) {
        return jdbc.sql("select storage_key from document where id = ?").param(id)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    /** Simple names of the case's events in the publication registry, for the documents listener or the others. */
    private List<String> publications(String caseNumber, boolean documents) {
        return jdbc.sql("select event_type from event_publication where serialized_event like ? and "
                        + (documents ? "" : "not ") + "listener_id like 'org.lianban.documents.%' order by publication_date")
                .param("%\"" + caseNumber + "\"%").query(String.class).list().stream()
                .map(t -> t.replaceAll(".*[.$]", "")).toList();
    }

    // ------------------------------------------------------------------ helpers

    static String bodyOf(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    static MockHttpServletRequestBuilder page(String path) {
        return get(path).param("lang", "zh-CN").header("Accept-Language", "zh-CN");
    }

    org.springframework.test.web.servlet.ResultActions perform(String user, MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token(user)));
    }

    /** A fresh token per user and test clock position (tokens expire with the clock). */
    String token(String user) throws Exception {
        String key = user + "@" + clock.instant().toEpochMilli();
        String t = tokens.get(key);
        if (t == null) {
            MvcResult r = mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"" + user + "\",\"password\":\"demo\"}")).andReturn();
            assertThat(r.getResponse().getStatus()).as("token for " + user).isEqualTo(200);
            t = JSON.readTree(bodyOf(r)).get("token").asString();
            tokens.put(key, t);
        }
        return t;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    void upload(String user, String number, String material, byte[] content) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", material + ".pdf", "application/pdf", content);
        mvc.perform(multipart(HttpMethod.PUT, "/api/v1/cases/" + number + "/materials/" + material).file(file)
                .header("Authorization", "Bearer " + token(user))).andExpect(status().isOk());
    }

    String submitted(String applicant, String matter, String region) throws Exception {
        Map<String, Object> form = new HashMap<>();
        form.put("projectName", "太原市示范项目");
        form.put("location", region);
        form.put("area", 12.5);
        form.put("startDate", "2024-12-01");
        Map<String, Object> app = Map.of("matterCode", matter, "regionCode", region, "applicant",
                Map.of("name", "山西示范建设有限公司", "idType", "USCC", "idNumber", "91140105MA0GRX121J",
                        "phone", "13812341234"), "form", form);
        MvcResult created = perform(applicant, post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(app))).andExpect(status().isCreated()).andReturn();
        String number = JSON.readTree(bodyOf(created)).get("number").asString();
        JsonNode guide = JSON.readTree(bodyOf(mvc.perform(get("/api/v1/matters/" + matter)).andReturn()));
        for (JsonNode m : guide.get("materials")) {
            if (m.get("required").asBoolean()) {
                upload(applicant, number, m.get("code").asString(), pdf(number + m.get("code").asString()));
            }
        }
        perform(applicant, post("/api/v1/cases/" + number + "/submit")).andExpect(status().isOk());
        return number;
    }

    void act(String user, String number, String action, Object... extra) throws Exception {
        int version = JSON.readTree(bodyOf(perform(user, get("/api/v1/cases/" + number)).andExpect(status().isOk())
                .andReturn())).get("version").asInt();
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("version", version);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        MvcResult r = perform(user, post("/api/v1/cases/" + number + "/actions").contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(body))).andReturn();
        assertThat(r.getResponse().getStatus()).as(action + " by " + user + ": " + bodyOf(r)).isEqualTo(200);
    }

    JsonNode documents(String user, String number) throws Exception {
        return JSON.readTree(bodyOf(perform(user, get("/api/v1/cases/" + number + "/documents"))
                .andExpect(status().isOk()).andReturn()));
    }

    /**
     * The case's documents once {@code count} exist: they are issued by an asynchronous listener after the case's
     * transaction commits, so a test waits for them (bounded).
     */
    JsonNode awaitDocuments(String user, String number, int count) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode docs = documents(user, number);
            if (docs.size() >= count || System.nanoTime() > deadline) {
                return docs;
            }
            Thread.sleep(50);
        }
    }

    static List<String> kinds(JsonNode docs) {
        List<String> out = new ArrayList<>();
        docs.forEach(d -> out.add(d.get("kind").asString()));
        return out;
    }

    static JsonNode find(JsonNode docs, String kind) {
        for (JsonNode d : docs) {
            if (d.get("kind").asString().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + docs);
    }

    byte[] download(String user, JsonNode doc) throws Exception {
        return perform(user, get(doc.get("url").asString())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    /** BouncyCastle directly, with the certificate embedded in the signature; not the application's verifier. */
    static void verifySignatureWithBouncyCastle(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            byte[] der;
            try (ASN1InputStream in = new ASN1InputStream(sig.getContents(pdf))) {
                der = in.readObject().getEncoded();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), der);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(new BouncyCastleProvider())
                    .build(cert))).isTrue();
            assertThat(cert.getSubject().toString()).contains("自然资源");
        }
    }

    /** Keeps the PDF and a PNG of its first page under target/documents-review for a human to look at. */
    static void keepForReview(String name, byte[] pdf) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target/documents-review");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.write(dir.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            javax.imageio.ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 96), "png",
                    dir.resolve(name + ".png").toFile());
        }
    }

    /** Renders the certificate and reads its QR code back with ZXing. */
    static String decodeQr(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
                    .getText();
        }
    }
}
