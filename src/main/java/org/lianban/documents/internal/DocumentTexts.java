package org.lianban.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.Field;

/**
 * The wording of each notice and decision, following the model texts of 《中华人民共和国行政许可法》 (Art. 32 acceptance,
 * supplement and refusal; Art. 38 decisions with the applicant's remedies; Art. 42 extension). Pure text: layout is
 * {@link PdfComposer}'s business.
 */
public final class DocumentTexts {

    /** One block of the body. */
    public sealed interface Block {}

    /** A paragraph, printed with a two-character first-line indent. */
    public record Paragraph(String text) implements Block {}

    /** A numbered list (e.g. missing materials). */
    public record Numbered(List<String> items) implements Block {}

    /** Label/value lines (licence content). */
    public record Fields(List<Field> fields) implements Block {}

    /** A composed notice or decision: title, addressee line (主送) and body. */
    public record Composition(String title, String addressee, List<Block> body) {}

    /** 《行政许可法》第38条: the remedies a refusal or denial must state. */
    static final String REMEDIES = "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，"
            + "或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。";

    private DocumentTexts() {}

    public static Composition compose(DocumentRequest r) {
        if (r.kind() == DocumentKind.CERTIFICATE) {
            throw new IllegalArgumentException("a certificate has its own layout, not a composed text");
        }
        List<Block> body = new ArrayList<>();
        String applied = "你（单位）" + dateOrEmpty("于", r.applicationDate()) + "提出的" + matter(r) + "申请（申请编号："
                + r.caseNumber() + "）";
        switch (r.kind()) {
            case ACCEPTANCE_NOTICE -> {
                body.add(new Paragraph(applied + "，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。"
                        + "根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理。"));
                if (r.dueDate() != null) {
                    body.add(new Paragraph("本机关将于" + date(r.dueDate()) + "前作出行政许可决定。"
                            + "依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内。"));
                }
                body.add(new Paragraph("你（单位）可凭申请编号和查询码在政务服务平台查询办理进度。"));
            }
            case SUPPLEMENT_NOTICE -> {
                body.add(new Paragraph(applied + "，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》"
                        + "第三十二条第一款第（四）项的规定，现一次性告知你（单位）需要补正的全部内容如下："));
                body.add(new Numbered(r.items()));
                if (notBlank(r.reason())) {
                    body.add(new Paragraph("补正说明：" + r.reason()));
                }
                body.add(new Paragraph("请你（单位）" + (r.dueDate() != null ? "于" + date(r.dueDate()) + "前" : "")
                        + "通过政务服务平台或者向受理窗口一次性提交上述补正材料。补正期间不计算在办理时限内；"
                        + "逾期未补正的，视为放弃本次申请。"));
            }
            case REFUSAL -> {
                body.add(new Paragraph(applied + "，经审查，" + sentence(r.reason(), "申请事项不符合受理条件")
                        + "根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。"));
                body.add(new Paragraph(REMEDIES));
            }
            case EXTENSION_NOTICE -> {
                body.add(new Paragraph(applied + "，本机关已" + dateOrEmpty("于", r.acceptedDate()) + "受理。因"
                        + sentence(r.reason(), "案情复杂") + "本机关不能在法定期限内作出行政许可决定。"
                        + "根据《中华人民共和国行政许可法》第四十二条第一款的规定，经本机关负责人批准，审查期限延长"
                        + r.days() + "个工作日" + (r.dueDate() != null ? "，本机关将于" + date(r.dueDate()) + "前作出决定" : "")
                        + "。"));
                body.add(new Paragraph("特此告知。"));
            }
            case APPROVAL_DECISION -> {
                body.add(new Paragraph(applied + "，本机关已" + dateOrEmpty("于", r.acceptedDate()) + "受理。经审查，"
                        + "该申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款"
                        + legalBasis(r) + "的规定，本机关决定准予行政许可。"));
                if (!r.fields().isEmpty()) {
                    body.add(new Paragraph("许可内容如下："));
                    body.add(new Fields(r.fields()));
                }
                if (notBlank(r.reason())) {
                    body.add(new Paragraph("审查意见：" + r.reason()));
                }
                if (r.certificate() != null) {
                    body.add(new Paragraph("本机关依法颁发电子证照（证书编号：" + r.certificate().number()
                            + "），与纸质证照具有同等法律效力，可在政务服务平台下载，并可扫描证照上的二维码核验真伪。"));
                }
            }
            case DENIAL_DECISION -> {
                body.add(new Paragraph(applied + "，本机关已" + dateOrEmpty("于", r.acceptedDate()) + "受理。经审查，"
                        + "该申请不符合法定条件、标准，理由如下：" + sentence(r.reason(), "不符合法定条件、标准")
                        + "根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。"));
                body.add(new Paragraph(REMEDIES));
            }
            case CERTIFICATE -> throw new AssertionError("handled above");
        }
        return new Composition(r.kind().title(), r.holder().name() + "：", body);
    }

    /** Chinese date as printed on documents (GB/T 9704-2012 uses Arabic numerals): 2026年3月4日. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String dateOrEmpty(String prefix, LocalDate d) {
        return d == null ? "" : prefix + date(d);
    }

    private static String matter(DocumentRequest r) {
        return notBlank(r.matterName()) ? "“" + r.matterName() + "”" : "行政许可";
    }

    private static String legalBasis(DocumentRequest r) {
        // the guide lists its bases separated by semicolons: 《土地管理法》第52条；《城乡规划法》第36条
        return notBlank(r.legalBasis())
                ? "及" + r.legalBasis().strip().replaceAll("[；;]\\s*", "、").replaceAll("[。.、]+$", "")
                : "";
    }

    /** The reason as a full sentence ending with a Chinese full stop or semicolon. */
    private static String sentence(String reason, String fallback) {
        String s = notBlank(reason) ? reason.strip() : fallback;
        return s.endsWith("。") || s.endsWith("；") || s.endsWith("，") ? s : s + "。";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
