package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tokens' form, hash and the rules a presented token is checked by, without a database. */
class ApiTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aSecretIsThePrefixAnd32RandomBytesInBase64Url() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = ApiTokens.newSecret();
            assertThat(secret).matches("imr_[A-Za-z0-9_-]{43}");
            assertThat(ApiTokens.wellFormed(secret)).isTrue();
            secrets.add(secret);
        }
        assertThat(secrets).as("no two alike").hasSize(200);
    }

    @Test
    void onlyTheFormIsWellFormed() {
        assertThat(ApiTokens.wellFormed(null)).isFalse();
        assertThat(ApiTokens.wellFormed("")).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "A".repeat(42))).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "A".repeat(44))).isFalse();
        assertThat(ApiTokens.wellFormed("IMR_" + "A".repeat(43))).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "A".repeat(42) + "=")).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "A".repeat(42) + "+")).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "A".repeat(42) + "\n")).isFalse();
        assertThat(ApiTokens.wellFormed("imr_" + "-_".repeat(21) + "z")).isTrue();
    }

    @Test
    void theHashIsSha256OfTheSecret() {
        assertThat(ApiTokens.hash("abc")).hasSize(32)
                .isEqualTo(java.util.HexFormat.of().parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }

    @Test
    void aTokenWorksWhileItsUserIsActiveUntilItExpiresOrIsRevokedOrThePasswordIsSetAnew() {
        assertThat(presented(null, NOW.plusSeconds(1), true, NOW.minusSeconds(60)).refusal()).isEmpty();
        assertThat(presented(NOW.minusSeconds(1), NOW.plusSeconds(60), true, NOW.minusSeconds(60)).refusal()).hasValue("revoked");
        assertThat(presented(null, NOW, true, NOW.minusSeconds(60)).refusal()).as("expires at that instant").hasValue("expired");
        assertThat(presented(null, NOW.plusSeconds(60), false, NOW.minusSeconds(60)).refusal()).hasValue("user deactivated");
        assertThat(presented(null, NOW.plusSeconds(60), true, NOW.minusSeconds(1)).refusal())
                .hasValue("issued before the user's password was last set");
        assertThat(presented(NOW.minusSeconds(1), NOW.minusSeconds(1), false, NOW).refusal()).as("the first reason")
                .hasValue("revoked");
    }

    @Test
    void aTokenActsWithItsRolesThatItsUserStillHas() {
        ApiTokens.Presented token = new ApiTokens.Presented(1, "kim", EnumSet.of(Role.COORDINATOR, Role.ADMIN),
                NOW.minusSeconds(10), NOW.plusSeconds(60), null, null, EnumSet.of(Role.COORDINATOR, Role.AUDITOR), true,
                NOW.minusSeconds(60), NOW);
        assertThat(token.roles()).containsExactly(Role.COORDINATOR);
    }

    @Test
    void anIssuedTokenNeverPrintsItsSecret() {
        ApiTokens.IssuedToken issued = new ApiTokens.IssuedToken(7, "export", "imr_secret", Set.of(Role.AUDITOR), NOW, NOW);
        assertThat(issued.toString()).doesNotContain("imr_secret");
    }

    private static ApiTokens.Presented presented(Instant revokedAt, Instant expiresAt, boolean active, Instant passwordSetAt) {
        return new ApiTokens.Presented(1, "lee", EnumSet.of(Role.REVIEWER), NOW.minusSeconds(10), expiresAt, revokedAt,
                null, EnumSet.of(Role.REVIEWER), active, passwordSetAt, NOW);
    }
}
