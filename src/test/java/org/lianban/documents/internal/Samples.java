package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.Authority;
import org.lianban.documents.internal.DocumentRequest.CertificateInfo;
import org.lianban.documents.internal.DocumentRequest.Field;
import org.lianban.documents.internal.DocumentRequest.Holder;

/** Realistic document requests for tests and the benchmark. */
final class Samples {

    static final Authority CITY = new Authority("140100", "太原市自然资源局");
    static final Authority COUNTY = new Authority("140105", "小店区自然资源局");
    static final Holder HOLDER = new Holder("山西晋华建设开发有限公司", "USCC", "91140100MA0K1234X5");
    static final Instant ISSUED = Instant.parse("2026-03-04T02:30:00Z");

    private Samples() {}

    static DocumentRequest of(DocumentKind kind) {
        return of(kind, "CASE-2026-140105-000123");
    }

    static DocumentRequest of(DocumentKind kind, String caseNumber) {
        DocumentRequest.Builder b = DocumentRequest.builder(kind)
                .number("晋自然资" + kind.numberCode() + "〔2026〕140100-000042号")
                .caseNumber(caseNumber)
                .authority(kind == DocumentKind.ACCEPTANCE_NOTICE || kind == DocumentKind.SUPPLEMENT_NOTICE
                        || kind == DocumentKind.REFUSAL ? COUNTY : CITY)
                .holder(HOLDER)
                .matterName("建设项目用地预审与选址意见书核发")
                .legalBasis("《中华人民共和国土地管理法》第五十二条")
                .applicationDate(LocalDate.of(2026, 2, 10))
                .acceptedDate(LocalDate.of(2026, 2, 11))
                .issuedAt(ISSUED);
        return switch (kind) {
            case ACCEPTANCE_NOTICE -> b.dueDate(LocalDate.of(2026, 3, 12)).build();
            case SUPPLEMENT_NOTICE -> b.items(List.of("建设项目用地预审申请表（原件）", "项目建设依据（项目立项批复文件）",
                    "标注项目用地范围的土地利用现状图和土地利用总体规划图")).reason("请加盖单位公章后提交扫描件。")
                    .dueDate(LocalDate.of(2026, 3, 25)).build();
            case REFUSAL -> b.reason("申请事项依法不需要取得行政许可").build();
            case EXTENSION_NOTICE -> b.reason("需征求发展改革、生态环境等部门意见").days(10)
                    .dueDate(LocalDate.of(2026, 3, 26)).build();
            case APPROVAL_DECISION -> b.fields(fields()).reason("同意。")
                    .certificate(certificate()).build();
            case DENIAL_DECISION -> b.reason("拟用地块位于永久基本农田保护红线内，不符合国土空间规划").build();
            case CERTIFICATE -> b.number(certificate().number()).fields(fields()).certificate(certificate()).build();
        };
    }

    static List<Field> fields() {
        return List.of(new Field("项目名称", "晋华产业园一期标准化厂房建设项目"),
                new Field("建设地点", "太原市小店区北格镇张花村东侧"),
                new Field("拟用地面积", "12.35 公顷（其中农用地 8.20 公顷）"),
                new Field("建设规模", "新建标准化厂房 12 栋，总建筑面积约 186000 平方米，配套道路、给排水、供电等基础设施"));
    }

    static CertificateInfo certificate() {
        return new CertificateInfo("晋自然资证〔2026〕140100-000042号", "K7Q2M9XW4TD8HC3P",
                "http://localhost:8080/verify/K7Q2M9XW4TD8HC3P", LocalDate.of(2029, 3, 3));
    }
}
