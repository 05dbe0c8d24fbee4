package org.lianban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lianban.common.Level;
import org.lianban.common.Role;

/**
 * The jurisdiction matrix on a small tree: 140105 小店区 (the filing county), 140106 迎泽区 (its sibling), 140100 太原市
 * (its city), 140200 大同市 (another city), 140000 山西省 (the province).
 */
class JurisdictionTest {

    private final FakeRegions regions = new FakeRegions();
    private final Jurisdiction jurisdiction = new Jurisdiction(regions);

    private CurrentUser user(Role role, String region) {
        Level level = region == null ? null : regions.require(region).level();
        return new CurrentUser(role.name().toLowerCase() + "@" + region, "x", role, region, level);
    }

    /** A case filed at 小店区 whose flow goes up to 太原市 and the province. */
    @ParameterizedTest(name = "{0} of {1} may view a 小店区 case touching city and province: {2}")
    @CsvSource({
            "CLERK,      140105, true",  "CLERK,      140106, false", "CLERK,      140100, true",
            "CLERK,      140200, false", "CLERK,      140000, true",
            "REVIEWER,   140105, true",  "REVIEWER,   140106, false", "REVIEWER,   140100, true",
            "REVIEWER,   140200, false", "REVIEWER,   140000, true",
            "APPROVER,   140105, true",  "APPROVER,   140106, false", "APPROVER,   140100, true",
            "APPROVER,   140200, false", "APPROVER,   140000, true",
            "SUPERVISOR, 140105, true",  "SUPERVISOR, 140106, false", "SUPERVISOR, 140100, true",
            "SUPERVISOR, 140200, false", "SUPERVISOR, 140000, true",
            "ADMIN,      140105, false", "ADMIN,      140100, false", "ADMIN,      140000, false"})
    void mayViewMatrix(Role role, String region, boolean expected) {
        assertThat(jurisdiction.mayView(user(role, region), "applicant1", "140105", List.of("140100", "140000")))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} may view a 小店区 case handled only in the county: {2}")
    @CsvSource({
            "CLERK,      140105, true",  "REVIEWER,   140100, false", "APPROVER,   140000, false",
            "SUPERVISOR, 140100, true",  "SUPERVISOR, 140000, true",  "SUPERVISOR, 140106, false"})
    void officialsAboveSeeOnlyCasesTheirRegionTouches(Role role, String region, boolean expected) {
        assertThat(jurisdiction.mayView(user(role, region), "applicant1", "140105", List.of("140105")))
                .isEqualTo(expected);
    }

    @Test
    void applicantSeesOnlyOwnCases() {
        CurrentUser applicant = new CurrentUser("applicant1", "山西晋北建设有限公司", Role.APPLICANT, null, null);
        CurrentUser other = new CurrentUser("applicant2", "太原汾河置业有限公司", Role.APPLICANT, null, null);
        List<String> touched = List.of("140100", "140000");
        assertThat(jurisdiction.mayView(applicant, "applicant1", "140105", touched)).isTrue();
        assertThat(jurisdiction.mayView(other, "applicant1", "140105", touched)).isFalse();
    }

    @ParameterizedTest(name = "{0} of {1} handles a {3} step at {2}: {4}")
    @CsvSource({
            "CLERK,      140105, 140105, CLERK,    true",
            "CLERK,      140105, 140105, REVIEWER, false",
            "CLERK,      140106, 140105, CLERK,    false",
            "REVIEWER,   140100, 140100, REVIEWER, true",
            "REVIEWER,   140100, 140105, REVIEWER, false",
            "REVIEWER,   140200, 140100, REVIEWER, false",
            "APPROVER,   140000, 140000, APPROVER, true",
            "APPROVER,   140000, 140100, APPROVER, false",
            "SUPERVISOR, 140105, 140105, SUPERVISOR, false",
            "ADMIN,      140000, 140000, ADMIN,    false"})
    void handlesOnlyOwnRegionAndRole(Role role, String region, String handlingRegion, Role stepRole,
            boolean expected) {
        assertThat(jurisdiction.handles(user(role, region), handlingRegion, stepRole)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} of {1} oversees {2}: {3}")
    @CsvSource({
            "SUPERVISOR, 140105, 140105, true",  "SUPERVISOR, 140105, 140106, false",
            "SUPERVISOR, 140105, 140100, false", "SUPERVISOR, 140100, 140105, true",
            "SUPERVISOR, 140100, 140212, false", "SUPERVISOR, 140100, 140000, false",
            "SUPERVISOR, 140000, 140212, true",  "SUPERVISOR, 140000, 140000, true",
            "APPROVER,   140000, 140105, false", "ADMIN,      140000, 140105, false"})
    void supervisorsOverseeTheirRegionAndBelow(Role role, String region, String target, boolean expected) {
        assertThat(jurisdiction.oversees(user(role, region), target)).isEqualTo(expected);
    }
}
