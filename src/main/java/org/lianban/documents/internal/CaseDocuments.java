package org.lianban.documents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.lianban.cases.CaseDetails;
import org.lianban.cases.CaseEvent;
import org.lianban.cases.Cases;
import org.lianban.catalog.Catalog;
import org.lianban.catalog.FieldType;
import org.lianban.catalog.FormField;
import org.lianban.catalog.Material;
import org.lianban.catalog.MatterVersion;
import org.lianban.catalog.StepKind;
import org.lianban.common.ClockConfig;
import org.lianban.documents.DocumentKind;
import org.lianban.documents.internal.DocumentRequest.Authority;
import org.lianban.documents.internal.DocumentRequest.CertificateInfo;
import org.lianban.documents.internal.DocumentRequest.Field;
import org.lianban.documents.internal.DocumentRequest.Holder;
import org.lianban.region.Region;
import org.lianban.region.Regions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Which document each case event produces, and what goes on it, from the case, its catalog version and the regions.
 * <ul>
 * <li>accepted → 受理通知书, supplement requested → 补正材料通知书, refused → 不予受理决定书: by the accepting
 * window's authority (the filing region's ancestor at the ACCEPT step's level);</li>
 * <li>deadline extended → 延期通知书, decided → 准予/不予行政许可决定书: by the deciding authority;</li>
 * <li>approved → also the certificate (电子证照), issued together with the approval decision, which cites its number,
 * so that the ISSUE step can hand it out (《行政许可法》第44条).</li>
 * </ul>
 */
@Component
class CaseDocuments {

    static final String CERTIFICATE_EVENT = "certificate";

    private final Cases cases;
    private final Catalog catalog;
    private final Regions regions;
    private final DocumentIssuer issuer;
    private final DocumentsProperties props;

    CaseDocuments(Cases cases, Catalog catalog, Regions regions, DocumentIssuer issuer,
            DocumentsProperties props) {
        this.cases = cases;
        this.catalog = catalog;
        this.regions = regions;
        this.issuer = issuer;
        this.props = props;
    }

    @Transactional
    public void issueFor(CaseEvent event) {
        // read once per event even when it produces two documents (certificate and decision)
        Supplier<CaseDetails> read = SingletonSupplier.of(() -> cases.find(event.caseNumber())
                .orElseThrow(() -> new IllegalStateException("case " + event.caseNumber() + " of "
                        + event.getClass().getSimpleName() + " not found")));
        switch (event) {
            case CaseEvent.CaseAccepted e -> issue(read, DocumentKind.ACCEPTANCE_NOTICE, e, Who.ACCEPTING,
                    (c, m, b) -> b.dueDate(e.dueDate()));
            case CaseEvent.SupplementRequested e -> issue(read, DocumentKind.SUPPLEMENT_NOTICE, e, Who.ACCEPTING,
                    (c, m, b) -> b.items(materialNames(m, e.missingMaterialCodes())).reason(e.opinion())
                            .dueDate(e.respondBy()));
            case CaseEvent.CaseRefused e -> issue(read, DocumentKind.REFUSAL, e, Who.ACCEPTING,
                    (c, m, b) -> b.reason(e.reason()));
            case CaseEvent.DeadlineExtended e -> issue(read, DocumentKind.EXTENSION_NOTICE, e, Who.DECIDING,
                    (c, m, b) -> b.reason(e.reason()).days(e.days()).dueDate(e.newDueDate()));
            case CaseEvent.CaseDecided e when e.approved() -> {
                DocumentRow cert = issue(read, DocumentKind.CERTIFICATE, e, Who.DECIDING,
                        (c, m, b) -> b.fields(fields(m, c)));
                issue(read, DocumentKind.APPROVAL_DECISION, e, Who.DECIDING, (c, m, b) -> b.fields(fields(m, c))
                        .reason(e.reason()).certificate(new CertificateInfo(cert.number(), cert.verificationCode(),
                                null, cert.validUntil())));
            }
            case CaseEvent.CaseDecided e -> issue(read, DocumentKind.DENIAL_DECISION, e, Who.DECIDING,
                    (c, m, b) -> b.reason(e.reason()));
            default -> {
                // submitted, passed, returned, suspended, resumed, issued, withdrawn: no document of their own
            }
        }
    }

    private enum Who { ACCEPTING, DECIDING }

    @FunctionalInterface
    private interface Content {
        void fill(CaseDetails c, MatterVersion m, DocumentRequest.Builder b);
    }

    private DocumentRow issue(Supplier<CaseDetails> read, DocumentKind kind, CaseEvent event, Who who,
            Content content) {
        CaseDetails c = read.get();
        MatterVersion m = catalog.version(c.matterVersionId());
        Authority authority = Authorities.of(who == Who.DECIDING ? regions.require(c.decidingRegionCode())
                : acceptingRegion(c, m));
        DocumentRequest.Builder b = DocumentRequest.builder(kind)
                .holder(new Holder(c.applicant().name(), c.applicant().idType(), c.applicant().idNumber()))
                .matterName(m.name()).legalBasis(m.legalBasis())
                .applicationDate(c.submittedAt() == null ? null : day(c.submittedAt()))
                .acceptedDate(c.acceptedAt() == null ? null : day(c.acceptedAt()));
        content.fill(c, m, b);
        String eventKey = kind == DocumentKind.CERTIFICATE ? CERTIFICATE_EVENT
                : event.getClass().getSimpleName() + "@" + event.at().toEpochMilli();
        return issuer.issue(b, kind, c.number(), eventKey, authority, event.at(), props.validityYears(m.category()));
    }

    private Region acceptingRegion(CaseDetails c, MatterVersion m) {
        return m.steps().stream().filter(s -> s.kind() == StepKind.ACCEPT).findFirst()
                .flatMap(s -> regions.ancestorAt(c.regionCode(), s.level()))
                .orElseGet(() -> regions.require(c.regionCode()));
    }

    private static List<String> materialNames(MatterVersion m, List<String> codes) {
        return codes.stream().map(code -> m.material(code).map(Material::name).orElse(code)).toList();
    }

    /** The application form's filled-in fields in the guide's order, values as printed (dates in Chinese, regions by name). */
    private List<Field> fields(MatterVersion m, CaseDetails c) {
        Map<String, String> form = c.form() == null ? Map.of() : c.form();
        List<Field> out = new ArrayList<>();
        for (FormField f : m.fields()) {
            String v = form.get(f.code());
            if (v == null || v.isBlank()) {
                continue;
            }
            out.add(new Field(f.name(), display(f.type(), v.strip())));
        }
        return out;
    }

    private String display(FieldType type, String value) {
        return switch (type) {
            case DATE -> {
                try {
                    yield DocumentTexts.date(LocalDate.parse(value));
                } catch (DateTimeParseException e) {
                    yield value;
                }
            }
            case REGION -> regions.find(value).map(Region::name).orElse(value);
            default -> value;
        };
    }

    private static LocalDate day(Instant at) {
        return at.atZone(ClockConfig.CHINA).toLocalDate();
    }
}
