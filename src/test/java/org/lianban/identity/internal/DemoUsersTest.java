package org.lianban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.common.Role;
import org.lianban.identity.FakeRegions;
import org.lianban.identity.internal.DemoUsers.DemoUser;

class DemoUsersTest {

    private final List<DemoUser> users = DemoUsers.all(FakeRegions.ALL);

    @Test
    void everyRegionGetsFourOfficialsPlusApplicantsAndOneAdmin() {
        assertThat(users).hasSize(3 + 4 * FakeRegions.ALL.size() + 1);
        assertThat(users).extracting(DemoUser::username).doesNotHaveDuplicates()
                .contains("applicant1", "applicant2", "applicant3", "admin@140000", "clerk@140105",
                        "reviewer@140100", "approver@140000", "supervisor@140212");
    }

    @Test
    void officialsBelongToTheirRegionWithADisplayNameSayingWhere() {
        assertThat(users).filteredOn(u -> u.username().equals("clerk@140105")).singleElement()
                .isEqualTo(new DemoUser("clerk@140105", "小店区窗口受理人员", Role.CLERK, "140105"));
        assertThat(users).filteredOn(u -> u.role() == Role.ADMIN).singleElement()
                .extracting(DemoUser::regionCode).isEqualTo("140000");
        assertThat(users).filteredOn(u -> u.role() == Role.APPLICANT).allMatch(u -> u.regionCode() == null);
    }
}
