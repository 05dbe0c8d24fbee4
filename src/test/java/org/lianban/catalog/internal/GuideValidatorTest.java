package org.lianban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.lianban.common.ApiException;
import org.lianban.common.ApiException.FieldProblem;
import org.springframework.http.HttpStatus;

import tools.jackson.dataformat.yaml.YAMLMapper;

/** The validation matrix: each kind of bad input gives its problem at the right place, and no definitions. */
class GuideValidatorTest {

    private static final String VALID = """
            matters:
            - code: T-01
              name: 测试事项
              category: land
              decidingLevel: PROVINCE
              statutoryDays: 20
              promisedDays: 10
              materials:
              - {code: M01, name: 申请书, form: ORIGINAL}
              - {code: M02, name: 营业执照, form: COPY}
              fields:
              - {code: projectName, name: 项目名称, type: TEXT, required: true}
              steps:
              - {code: accept, name: 受理, kind: ACCEPT, level: COUNTY, role: CLERK, limitDays: 1}
              - {code: cr, name: 县级初审, kind: REVIEW, level: COUNTY, role: REVIEWER, limitDays: 2}
              - {code: ci, name: 市级审查, kind: REVIEW, level: CITY, role: REVIEWER, limitDays: 2}
              - {code: pr, name: 省级审查, kind: REVIEW, level: PROVINCE, role: REVIEWER, limitDays: 2}
              - {code: decide, name: 决定, kind: DECIDE, level: PROVINCE, role: APPROVER, limitDays: 1}
              - {code: issue, name: 发证, kind: ISSUE, level: COUNTY, role: CLERK, limitDays: 1}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> valid() {
        return YAMLMapper.builder().build().readValue(VALID, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> matter(Map<String, Object> root, int i) {
        return ((List<Map<String, Object>>) root.get("matters")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> step(Map<String, Object> root, int i) {
        return ((List<Map<String, Object>>) matter(root, 0).get("steps")).get(i);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> root) {
        return (List<Map<String, Object>>) matter(root, 0).get("steps");
    }

    private static List<FieldProblem> problems(Consumer<Map<String, Object>> change) {
        Map<String, Object> root = valid();
        change.accept(root);
        GuideValidator.Outcome o = GuideValidator.validate(new ParsedGuide(root));
        if (!o.problems().isEmpty()) {
            assertThat(o.matters()).isEmpty();
        }
        return o.problems();
    }

    private static void assertProblemAt(Consumer<Map<String, Object>> change, String field, String messagePart) {
        assertThat(problems(change)).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(messagePart);
        });
    }

    @Test
    void aValidGuideGivesItsMatterWithDefaults() {
        GuideValidator.Outcome o = GuideValidator.validate(new ParsedGuide(valid()));
        assertThat(o.problems()).isEmpty();
        MatterDefinition d = o.matters().getFirst();
        assertThat(d.filingLevels()).containsExactly(org.lianban.common.Level.COUNTY);
        assertThat(d.materials().getFirst().required()).isTrue();
        assertThat(d.materials().getFirst().copies()).isEqualTo(1);
        assertThat(d.steps()).hasSize(6);
    }

    @Test
    void missingRequiredFieldsAreEachReported() {
        List<FieldProblem> p = problems(r -> {
            matter(r, 0).remove("name");
            matter(r, 0).remove("statutoryDays");
            step(r, 1).remove("role");
        });
        assertThat(p).extracting(FieldProblem::field).contains("matters[0].name", "matters[0].statutoryDays",
                "matters[0].steps[1].role");
    }

    @Test
    void unknownEnumValuesNameTheAllowedOnes() {
        assertProblemAt(r -> step(r, 2).put("level", "TOWN"), "matters[0].steps[2].level",
                "PROVINCE, CITY, COUNTY");
        assertProblemAt(r -> step(r, 2).put("role", "BOSS"), "matters[0].steps[2].role", "CLERK");
        assertProblemAt(r -> step(r, 2).put("kind", "CHECK"), "matters[0].steps[2].kind", "JOINT_REVIEW");
        assertProblemAt(r -> step(r, 2).put("role", "ADMIN"), "matters[0].steps[2].role", "not ADMIN");
        assertProblemAt(r -> matter(r, 0).put("decidingLevel", "NATIONAL"), "matters[0].decidingLevel",
                "PROVINCE, CITY, COUNTY");
        assertProblemAt(r -> field0(r).put("type", "EMAIL"), "matters[0].fields[0].type", "TEXT, NUMBER, DATE");
        assertProblemAt(r -> material0(r).put("form", "SCAN"), "matters[0].materials[0].form",
                "ORIGINAL, COPY, ELECTRONIC");
    }

    @Test
    void duplicateMatterCodesInAFileAreRefused() {
        assertProblemAt(r -> {
            @SuppressWarnings("unchecked")
            List<Object> matters = (List<Object>) r.get("matters");
            matters.add(valid().get("matters") instanceof List<?> l ? l.getFirst() : null);
        }, "matters[1].code", "already appears at matters[0]");
    }

    @Test
    void duplicateCodesInsideAMatterAreRefused() {
        assertProblemAt(r -> material(r, 1).put("code", "M01"), "matters[0].materials[1].code", "used twice");
        assertProblemAt(r -> step(r, 2).put("code", "cr"), "matters[0].steps[2].code", "used twice");
        assertProblemAt(r -> {
            @SuppressWarnings("unchecked")
            List<Object> fields = (List<Object>) matter(r, 0).get("fields");
            fields.add(new LinkedHashMap<>(field0(r)));
        }, "matters[0].fields[1].code", "used twice");
    }

    @Test
    void limitsMustBePositiveAndPromisedNotAboveStatutory() {
        assertProblemAt(r -> step(r, 1).put("limitDays", 0), "matters[0].steps[1].limitDays", "positive");
        assertProblemAt(r -> step(r, 1).put("limitDays", "two"), "matters[0].steps[1].limitDays", "whole number");
        assertProblemAt(r -> matter(r, 0).put("promisedDays", 25), "matters[0].promisedDays", "exceeds");
        assertProblemAt(r -> step(r, 3).put("limitDays", 6), "matters[0].steps", "add up to 13");
    }

    @Test
    void theFlowMustStartWithAcceptByAClerkAtAFilingLevel() {
        assertProblemAt(r -> steps(r).removeFirst(), "matters[0].steps[0].kind", "first step must be ACCEPT");
        assertProblemAt(r -> step(r, 0).put("role", "REVIEWER"), "matters[0].steps[0].role", "CLERK");
        assertProblemAt(r -> step(r, 0).put("level", "CITY"), "matters[0].steps[0].level", "not a filing level");
    }

    @Test
    void theFlowNeedsExactlyOneDecideAtTheDecidingLevelByAnApprover() {
        assertProblemAt(r -> steps(r).remove(4), "matters[0].steps", "no DECIDE step");
        assertProblemAt(r -> step(r, 3).putAll(Map.of("kind", "DECIDE", "role", "APPROVER")),
                "matters[0].steps[4].kind", "2 DECIDE steps");
        assertProblemAt(r -> step(r, 4).put("role", "REVIEWER"), "matters[0].steps[4].role", "APPROVER");
        assertProblemAt(r -> {
            matter(r, 0).put("decidingLevel", "CITY");
            steps(r).remove(3);
        }, "matters[0].steps[3].level", "deciding level CITY");
    }

    @Test
    void theFlowMustEndWithIssue() {
        assertProblemAt(r -> steps(r).removeLast(), "matters[0].steps[4].kind", "last step must be ISSUE");
    }

    @Test
    void aCountyDecidedFlowCannotVisitTheCity() {
        assertProblemAt(r -> {
            matter(r, 0).put("decidingLevel", "COUNTY");
            steps(r).remove(3);
            step(r, 3).put("level", "COUNTY");
        }, "matters[0].steps[2].level", "above the deciding level COUNTY");
    }

    @Test
    void aCityDecidedFlowCannotVisitTheProvince() {
        assertProblemAt(r -> {
            matter(r, 0).put("decidingLevel", "CITY");
            step(r, 4).put("level", "CITY");
        }, "matters[0].steps[3].level", "above the deciding level CITY");
    }

    @Test
    void noStepBelowTheFilingLevel() {
        assertProblemAt(r -> {
            matter(r, 0).put("filingLevels", List.of("CITY"));
            step(r, 0).put("level", "CITY");
        }, "matters[0].steps[1].level", "below the filing level CITY");
    }

    @Test
    void aJointReviewNeedsTwoPartiesWithDistinctCodesAndValidLevels() {
        Consumer<Map<String, Object>> joint = r -> {
            steps(r).remove(2);
            step(r, 1).putAll(Map.of("kind", "JOINT_REVIEW", "parties", new ArrayList<>(List.of(
                    new LinkedHashMap<>(Map.of("code", "county", "name", "县", "level", "COUNTY", "role",
                            "REVIEWER")),
                    new LinkedHashMap<>(Map.of("code", "city", "name", "市", "level", "CITY", "role",
                            "REVIEWER"))))));
        };
        assertThat(problems(joint)).isEmpty();
        assertProblemAt(joint.andThen(r -> parties(r).removeLast()), "matters[0].steps[1].parties",
                "at least 2 parties");
        assertProblemAt(joint.andThen(r -> parties(r).getLast().put("code", "county")),
                "matters[0].steps[1].parties[1].code", "used twice");
        assertProblemAt(joint.andThen(r -> parties(r).getLast().put("level", "STREET")),
                "matters[0].steps[1].parties[1].level", "PROVINCE, CITY, COUNTY");
        assertProblemAt(joint.andThen(r -> {
            matter(r, 0).put("decidingLevel", "CITY");
            steps(r).remove(2);
            step(r, 2).put("level", "CITY");
            parties(r).getLast().put("level", "PROVINCE");
        }), "matters[0].steps[1].parties[1].level", "above the deciding level CITY");
    }

    @Test
    void unknownFieldsAreReportedSoTyposDoNotGoUnnoticed() {
        assertProblemAt(r -> matter(r, 0).put("statutoryDay", 3), "matters[0].statutoryDay", "Unknown field");
    }

    @Test
    void everyProblemOfTheFileIsCollectedAtOnce() {
        List<FieldProblem> p = problems(r -> {
            matter(r, 0).remove("category");
            material(r, 1).put("form", "X");
            step(r, 5).put("limitDays", -1);
        });
        assertThat(p).extracting(FieldProblem::field).contains("matters[0].category",
                "matters[0].materials[1].form", "matters[0].steps[5].limitDays");
    }

    @Test
    void aFileWithoutMattersIsExplained() {
        GuideValidator.Outcome o = GuideValidator.validate(new ParsedGuide(Map.of("items", List.of())));
        assertThat(o.problems()).extracting(FieldProblem::field).containsExactly("matters");
    }

    @Test
    void unparseableYamlAndJsonGiveLineAndColumn() {
        assertThatThrownBy(() -> GuideFileReader.read("x.yaml", "matters:\n  - code: [a\n".getBytes(
                StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors().getFirst().field()).startsWith("line ");
                });
        assertThatThrownBy(() -> GuideFileReader.read("x.json", "{\"matters\": [}".getBytes(
                StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("line 1"));
    }

    @Test
    void theTypeIsDecidedByContentNotByName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
        assertThatThrownBy(() -> GuideFileReader.read("guide.yaml", png))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        assertThat(GuideFileReader.read("guide.xlsx", VALID.getBytes(StandardCharsets.UTF_8)).root())
                .isInstanceOf(Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parties(Map<String, Object> r) {
        return (List<Map<String, Object>>) step(r, 1).get("parties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> material(Map<String, Object> r, int i) {
        return ((List<Map<String, Object>>) matter(r, 0).get("materials")).get(i);
    }

    private static Map<String, Object> material0(Map<String, Object> r) {
        return material(r, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field0(Map<String, Object> r) {
        return ((List<Map<String, Object>>) matter(r, 0).get("fields")).getFirst();
    }
}
