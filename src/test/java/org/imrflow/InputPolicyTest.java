package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputPolicyTest {

    @Test
    void controlCharactersAreRefusedTabAlwaysAllowedLineBreaksOnlyInMultiLineText() {
        assertThat(InputPolicy.problem("Dale\tDetailer, Ünïcødé 😀", false)).isNull();
        assertThat(InputPolicy.problem("two\r\nlines", true)).isNull();
        assertThat(InputPolicy.problem("two\nlines", false)).isEqualTo(InputPolicy.LINE_BREAK);
        for (String bad : new String[] {"\u0000", "a\u0001", "\u001b[31m", "\u007f", "\u0085", "\uFFFE", "\uFFFF",
                "lone \uD83D", "\uDE00 lone"}) {
            assertThat(InputPolicy.problem(bad, true)).as(bad).isEqualTo(InputPolicy.CONTROL_CHARACTER);
        }
        assertThatThrownBy(() -> InputPolicy.check("employeeFirstName", "Dale\u0000", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("employeeFirstName", InputPolicy.CONTROL_CHARACTER));
    }

    @Test
    void xmlSafeReplacesWhatXmlCannotHold() {
        assertThat(InputPolicy.xmlSafe("a\u0001b\u0000\nc\t😀\uD83D")).isEqualTo("a\uFFFDb\uFFFD\nc\t😀\uFFFD");
        String clean = "nothing to replace";
        assertThat(InputPolicy.xmlSafe(clean)).isSameAs(clean);
    }

    @Test
    void datesAreFrom1900To2199() {
        assertThat(InputPolicy.dateProblem(LocalDate.of(1900, 1, 1))).isNull();
        assertThat(InputPolicy.dateProblem(LocalDate.of(2199, 12, 31))).isNull();
        assertThat(InputPolicy.dateProblem(LocalDate.of(0, 1, 1))).isNotNull();
        assertThat(InputPolicy.dateProblem(LocalDate.MIN)).isNotNull();
        assertThat(InputPolicy.dateProblem(LocalDate.of(2200, 1, 1))).isNotNull();
    }
}
