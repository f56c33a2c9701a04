package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a user's fields, each problem in words a user can act on. */
class UserRulesTest {

    @Test
    void usernamesAreShortLowercaseNamesAndNotTheSystemActor() {
        assertThat(UserRules.usernameProblem("casey.coordinator")).isEmpty();
        assertThat(UserRules.usernameProblem("dr_riley-2")).isEmpty();
        assertThat(UserRules.usernameProblem(null)).contains("Enter a username.");
        assertThat(UserRules.usernameProblem("")).contains("Enter a username.");
        assertThat(UserRules.usernameProblem("ab")).get().asString().contains("3 to 64");
        assertThat(UserRules.usernameProblem("x".repeat(65))).get().asString().contains("3 to 64");
        assertThat(UserRules.usernameProblem("Casey")).get().asString().contains("lowercase");
        assertThat(UserRules.usernameProblem("casey coordinator")).isPresent();
        assertThat(UserRules.usernameProblem("system")).get().asString().contains("reserved");
    }

    @Test
    void passwordsAreLongEnoughAndFitBcrypt() {
        assertThat(UserRules.passwordProblem("twelve chars", "casey")).isEmpty();
        assertThat(UserRules.passwordProblem(null, "casey")).contains("Enter a password.");
        assertThat(UserRules.passwordProblem("", "casey")).contains("Enter a password.");
        assertThat(UserRules.passwordProblem("eleven char", "casey")).get().asString().contains("12");
        assertThat(UserRules.passwordProblem(" ".repeat(12), "casey")).get().asString().contains("spaces");
        assertThat(UserRules.passwordProblem("CASEY.COORDINATOR", "casey.coordinator")).get().asString().contains("username");
        assertThat(UserRules.passwordProblem("x".repeat(72), "casey")).isEmpty();
        assertThat(UserRules.passwordProblem("x".repeat(73), "casey")).get().asString().contains("72");
        assertThat(UserRules.passwordProblem("é".repeat(37), "casey")).as("74 bytes").get().asString().contains("72");
    }

    @Test
    void aUserHasAtLeastOneKnownRoleAndAFullName() {
        assertThat(UserRules.rolesProblem(List.of(Role.COORDINATOR, Role.AUDITOR))).isEmpty();
        assertThat(UserRules.rolesProblem(null)).contains("Choose at least one role.");
        assertThat(UserRules.rolesProblem(List.of())).contains("Choose at least one role.");
        assertThat(UserRules.rolesProblem(Arrays.asList(Role.ADMIN, null))).get().asString().contains("COORDINATOR");
        assertThat(UserRules.fullNameProblem("Casey Coordinator")).isEmpty();
        assertThat(UserRules.fullNameProblem("")).isPresent();
        assertThat(UserRules.fullNameProblem("x".repeat(201))).get().asString().contains("200");
    }
}
