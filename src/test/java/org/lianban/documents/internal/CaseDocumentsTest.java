package org.lianban.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianban.cases.Applicant;
import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.cases.CaseStatus;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.FieldType;
import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MaterialForm;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.Step;
import org.lianban.catalog.StepKind;
import org.lianban.common.Level;
import org.lianban.common.Role;
import org.lianban.documents.DocumentKind;
import org.lianban.region.Region;
import org.lianban.region.Regions;

/** Which document each case event produces and what is printed on it; the issuer is mocked. */
class CaseDocumentsTest {

    static final Instant AT = Instant.parse("2026-03-04T02:30:00Z");
    static final Region PROVINCE = new Region("140000", "山西省", Level.PROVINCE, null);
    static final Region CITY = new Region("140100", "太原市", Level.CITY, "140000");
    static final Region COUNTY = new Region("140105", "小店区", Level.COUNTY, "140100");

    Cases cases = mock(Cases.class);
    Catalog catalog = mock(Catalog.class);
    Regions regions = mock(Regions.class);
    DocumentIssuer issuer = mock(DocumentIssuer.class);
    CaseDocuments documents;
    List<Object[]> issued = new ArrayList<>();

    @BeforeEach
    void setUp() {
        documents = new CaseDocuments(cases, catalog, regions, issuer,
                new DocumentsProperties(SignatureAlgorithm.SM2, null, "pw", 3, Map.of("mineral", 5)));
        MatterVersion m = new MatterVersion(9, "NR-001", 1, "建设项目用地预审与选址意见书核发", "land", Level.CITY, "自然资源",
                "《土地管理法》第52条；《城乡规划法》第36条", 20, 15, false, "不收费", Set.of(Level.COUNTY),
                List.of(new Material("M01", "建设项目用地预审与选址意见书申请表", true, MaterialForm.ORIGINAL, 1, "PDF", null),
                        new Material("M03", "项目建设依据", true, MaterialForm.COPY, 1, "PDF", null)),
                List.of(new FormField("projectName", "项目名称", FieldType.TEXT, true),
                        new FormField("location", "建设地点", FieldType.REGION, true),
                        new FormField("startDate", "拟开工日期", FieldType.DATE, false),
                        new FormField("note", "备注", FieldType.TEXT, false)),
                List.of(new Step("S1", "受理", StepKind.ACCEPT, Level.COUNTY, Role.CLERK, 1, List.of()),
                        new Step("S2", "审查", StepKind.REVIEW, Level.COUNTY, Role.REVIEWER, 5, List.of()),
                        new Step("S3", "决定", StepKind.DECIDE, Level.CITY, Role.APPROVER, 5, List.of()),
                        new Step("S4", "发证", StepKind.ISSUE, Level.COUNTY, Role.CLERK, 2, List.of())),
                AT);
        when(catalog.version(9)).thenReturn(m);
        when(cases.find("C-1")).thenReturn(Optional.of(new CaseDetails("C-1", "NR-001", 9, m.name(), "140105", "140100",
                CaseStatus.IN_PROGRESS, "applicant1", new Applicant("山西晋华建设开发有限公司", "USCC", "91140100MA0K1234X5",
                        "13800000000"),
                Map.of("projectName", "晋华产业园", "location", "140105", "startDate", "2026-05-01", "note", " "),
                "Q1", AT, Instant.parse("2026-02-10T01:00:00Z"), Instant.parse("2026-02-11T01:00:00Z"), null,
                LocalDate.of(2026, 3, 12), 0)));
        when(regions.require("140100")).thenReturn(CITY);
        when(regions.require("140105")).thenReturn(COUNTY);
        when(regions.find("140105")).thenReturn(Optional.of(COUNTY));
        when(regions.ancestorAt("140105", Level.COUNTY)).thenReturn(Optional.of(COUNTY));
        when(regions.ancestorAt("140105", Level.CITY)).thenReturn(Optional.of(CITY));
        when(issuer.issue(any(), any(), anyString(), anyString(), any(), any(), anyInt())).thenAnswer(inv -> {
            issued.add(inv.getArguments());
            DocumentKind kind = inv.getArgument(1);
            return new DocumentRow(issued.size(), "C-1", kind, inv.getArgument(3), "N-" + kind, AT, "140100",
                    "太原市自然资源局", null, null, LocalDate.of(2029, 3, 3), "k", 1, "h", "SM2",
                    kind == DocumentKind.CERTIFICATE ? "CODE" : null, null, null, null);
        });
    }

    /** The request the issuer was asked for, completed with a number as the issuer would. */
    DocumentRequest request(int i) {
        Object[] a = issued.get(i);
        DocumentRequest.Builder b = (DocumentRequest.Builder) a[0];
        DocumentKind kind = (DocumentKind) a[1];
        b.number("N").caseNumber((String) a[2]).authority((DocumentRequest.Authority) a[4]).issuedAt((Instant) a[5]);
        if (kind == DocumentKind.CERTIFICATE) {
            b.certificate(new DocumentRequest.CertificateInfo("N", "CODE", "u", LocalDate.of(2029, 3, 3)));
        }
        return b.build();
    }

    @Test
    void acceptanceIsNotifiedByTheAcceptingCountyWithTheDueDate() {
        documents.issueFor(new CaseEvent.CaseAccepted("C-1", AT, LocalDate.of(2026, 3, 12)));
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0)[1]).isEqualTo(DocumentKind.ACCEPTANCE_NOTICE);
        DocumentRequest r = request(0);
        assertThat(r.authority()).isEqualTo(new DocumentRequest.Authority("140105", "小店区自然资源局"));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(r.applicationDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(r.holder().idNumber()).isEqualTo("91140100MA0K1234X5");
    }

    @Test
    void aSupplementNoticeNamesEveryMissingMaterialAndARespondByDateInWorkingDays() {
        documents.issueFor(new CaseEvent.SupplementRequested("C-1", AT, List.of("M01", "M03", "M99"), "请盖章",
                LocalDate.of(2026, 3, 25)));
        DocumentRequest r = request(0);
        assertThat(issued.get(0)[1]).isEqualTo(DocumentKind.SUPPLEMENT_NOTICE);
        assertThat(r.items()).containsExactly("建设项目用地预审与选址意见书申请表", "项目建设依据", "M99");
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(r.reason()).isEqualTo("请盖章");
    }

    @Test
    void anApprovalYieldsTheCertificateAndADecisionCitingIt() {
        documents.issueFor(new CaseEvent.CaseDecided("C-1", AT, true, "同意"));
        assertThat(issued).extracting(a -> a[1]).containsExactly(DocumentKind.CERTIFICATE, DocumentKind.APPROVAL_DECISION);
        DocumentRequest cert = request(0);
        assertThat(cert.authority().name()).isEqualTo("太原市自然资源局");
        assertThat(cert.fields()).extracting(DocumentRequest.Field::label, DocumentRequest.Field::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("项目名称", "晋华产业园"),
                        org.assertj.core.groups.Tuple.tuple("建设地点", "小店区"),
                        org.assertj.core.groups.Tuple.tuple("拟开工日期", "2026年5月1日"));
        assertThat(issued.get(0)[3]).isEqualTo(CaseDocuments.CERTIFICATE_EVENT);
        assertThat(issued.get(0)[6]).isEqualTo(3); // land: the default validity
        DocumentRequest decision = request(1);
        assertThat(decision.certificate().number()).isEqualTo("N-CERTIFICATE");
        assertThat(decision.reason()).isEqualTo("同意");
        assertThat(DocumentTexts.compose(decision).body().toString())
                .contains("第三十八条第一款及《土地管理法》第52条、《城乡规划法》第36条的规定");
    }

    @Test
    void aDenialYieldsOnlyTheDenialDecisionByTheDecidingCity() {
        documents.issueFor(new CaseEvent.CaseDecided("C-1", AT, false, "不符合规划"));
        assertThat(issued).extracting(a -> a[1]).containsExactly(DocumentKind.DENIAL_DECISION);
        assertThat(request(0).authority().regionCode()).isEqualTo("140100");
        assertThat(request(0).reason()).isEqualTo("不符合规划");
    }

    @Test
    void refusalAndExtensionCarryTheirReasons() {
        documents.issueFor(new CaseEvent.CaseRefused("C-1", AT, "不属于本机关职权"));
        documents.issueFor(new CaseEvent.DeadlineExtended("C-1", AT.plusSeconds(60), 10, "需专家论证",
                LocalDate.of(2026, 3, 26)));
        assertThat(issued).extracting(a -> a[1]).containsExactly(DocumentKind.REFUSAL, DocumentKind.EXTENSION_NOTICE);
        assertThat(request(0).authority().regionCode()).isEqualTo("140105");
        assertThat(request(1).authority().regionCode()).isEqualTo("140100");
        assertThat(request(1).days()).isEqualTo(10);
        assertThat(request(1).dueDate()).isEqualTo(LocalDate.of(2026, 3, 26));
    }

    @Test
    void theSameEventAlwaysHasTheSameKeySoRedeliveryIsRecognised() {
        documents.issueFor(new CaseEvent.CaseRefused("C-1", AT, "x"));
        documents.issueFor(new CaseEvent.CaseRefused("C-1", AT, "x"));
        assertThat(issued.get(0)[3]).isEqualTo(issued.get(1)[3]).isEqualTo("CaseRefused@" + AT.toEpochMilli());
    }

    @Test
    void eventsWithoutADocumentIssueNothing() {
        documents.issueFor(new CaseEvent.CaseSubmitted("C-1", AT, false));
        documents.issueFor(new CaseEvent.CaseIssued("C-1", AT));
        documents.issueFor(new CaseEvent.CaseWithdrawn("C-1", AT));
        verify(issuer, never()).issue(any(), any(), anyString(), anyString(), any(), any(), anyInt());
    }

    @Test
    void validityFollowsTheMattersCategory() {
        DocumentsProperties p = new DocumentsProperties(SignatureAlgorithm.SM2, null, "pw", 3, Map.of("mineral", 5));
        assertThat(p.validityYears("mineral")).isEqualTo(5);
        assertThat(p.validityYears("land")).isEqualTo(3);
        assertThat(p.validityYears(null)).isEqualTo(3);
        verify(issuer, never()).issue(any(), eq(DocumentKind.CERTIFICATE), anyString(), anyString(), any(), any(), anyInt());
    }
}
