package org.lianban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianban.common.ApiException.FieldProblem;
import org.lianban.common.Role;
import org.lianban.identity.FakeRegions;
import org.lianban.identity.UserAdmin.NewUser;

class UserRulesTest {

    private static List<String> fields(NewUser u) {
        return UserRules.check(u, new FakeRegions(), true, "row 2: ").stream().map(FieldProblem::field).toList();
    }

    @Test
    void aWellFormedOfficialPasses() {
        assertThat(fields(new NewUser(" clerk.wang@140105 ", "王芳", "clerk", "140105", "twelve chars"))).isEmpty();
    }

    @Test
    void usernamesAreLowerCaseWordsOfThreeToSixtyFourCharacters() {
        for (String bad : new String[] {"ab", "Clerk@140105", "-clerk", "clerk wang", "a".repeat(65), "王芳"}) {
            assertThat(fields(new NewUser(bad, "X", "CLERK", "140105", "twelve chars"))).as(bad)
                    .containsExactly("row 2: username");
        }
        assertThat(UserRules.USERNAME.matcher("a".repeat(64)).matches()).isTrue();
    }

    @Test
    void rolesAreTheEnumerationInAnyCase() {
        assertThat(UserRules.role(" approver ")).isEqualTo(Role.APPROVER);
        assertThat(UserRules.role("BOSS")).isNull();
        assertThat(UserRules.role(null)).isNull();
    }

    @Test
    void passwordPolicy() {
        assertThat(UserRules.password("u1", "demo")).hasValueSatisfying(m -> assertThat(m).contains("12"));
        assertThat(UserRules.password("u1", "x".repeat(11) + "y")).hasValueSatisfying(
                m -> assertThat(m).contains("4 different"));
        assertThat(UserRules.password("clerk.wang", "my CLERK.WANG pass")).hasValueSatisfying(
                m -> assertThat(m).contains("username"));
        assertThat(UserRules.password("u1", "密".repeat(25))).hasValueSatisfying(m -> assertThat(m).contains("72"));
        assertThat(UserRules.password("u1", "密码是一个很长的句子对吧")).isEmpty();
    }

    @Test
    void initialPasswordsSatisfyThePolicyAndDiffer() {
        String a = UserAdminService.initialPassword("clerk@140105");
        assertThat(UserRules.password("clerk@140105", a)).isEmpty();
        assertThat(a).hasSize(16).isNotEqualTo(UserAdminService.initialPassword("clerk@140105"));
    }
}
