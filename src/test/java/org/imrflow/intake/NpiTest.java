package org.imrflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NpiTest {

    @Test
    void theCheckDigitIsLuhnsOverThePrefix80840() {
        // 1234567893 is the example of the CMS's note on the NPI check digit
        assertThat(Npi.valid("1234567893")).isTrue();
        assertThat(Npi.valid("1245319599")).isTrue();
        assertThat(Npi.valid("1234567890")).isFalse();
        assertThat(Npi.valid("123456789")).isFalse();
        assertThat(Npi.valid("12345678931")).isFalse();
        assertThat(Npi.valid("12345678a3")).isFalse();
    }

    @Test
    void spacesAndDashesAreIgnoredAndBlankIsNone() {
        assertThat(Npi.normalized(" 1234-567 893 ")).isEqualTo("1234567893");
        assertThat(Npi.normalized("  ")).isNull();
        assertThat(Npi.normalized(null)).isNull();
    }
}
