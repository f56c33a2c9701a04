package org.imrflow.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.imrflow.InvalidInputException;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.correspondence.ItemDetermination;
import org.imrflow.correspondence.PartialApproval;
import org.imrflow.intake.ImportedCase;
import org.junit.jupiter.api.Test;

/** The import's rules that need no database: which case number a letter gets, and how its items are recorded. */
class DeterminationImportTest {

    @Test
    void aLetterKeepsItsOwnCaseNumberAndOneWithoutTakesTheNumberGiven() {
        assertThat(DeterminationImport.caseNumber("CM16-0229336", null)).isEqualTo("CM16-0229336");
        assertThat(DeterminationImport.caseNumber("CM16-0229336", "CM16-0229336")).isEqualTo("CM16-0229336");
        assertThat(DeterminationImport.caseNumber(null, "CM13-0000001")).isEqualTo("CM13-0000001");
        assertRefusedOnCaseNumber(null, null);
        assertRefusedOnCaseNumber("CM16-0229336", "CM16-0000001");
        assertRefusedOnCaseNumber("XX16-0229336", null);
    }

    @Test
    void aPartialApprovalIsRecordedAsTheIntakeRecordsIt() {
        GuidelineBasis basis = GuidelineBasis.noEvidence();
        ImportedCase.Item whole = DeterminationImport.item(new ItemDetermination("Inpatient rehabilitation",
                new PartialApproval("skilled nursing facility", "Inpatient rehabilitation", true),
                ItemDetermination.OVERTURNED, basis, basis, "Rationale."));
        assertThat(whole).isEqualTo(new ImportedCase.Item("Inpatient rehabilitation", "skilled nursing facility", null,
                basis));
        ImportedCase.Item part = DeterminationImport.item(new ItemDetermination("12 physical therapy visits",
                new PartialApproval("6 visits", "6 physical therapy visits", false), ItemDetermination.UPHELD, basis,
                basis, "Rationale."));
        assertThat(part.remainingPortion()).isEqualTo("6 physical therapy visits");
        assertThat(DeterminationImport.item(new ItemDetermination("Tramadol", null, ItemDetermination.UPHELD, basis,
                basis, "Rationale.")).authorized()).isNull();
    }

    @Test
    void onlyAFileCanBeAPdf() {
        byte[] pdfStart = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        assertThat(LetterSubmission.file("letter.pdf", pdfStart, null, null).pdf()).isTrue();
        assertThat(LetterSubmission.text("%PDF-1.7", null, null).pdf()).isFalse();
        assertThat(LetterSubmission.file("letter.txt", "Case Number:".getBytes(StandardCharsets.UTF_8), null, null)
                .pdf()).isFalse();
    }

    private static void assertRefusedOnCaseNumber(String printed, String given) {
        assertThatThrownBy(() -> DeterminationImport.caseNumber(printed, given))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("caseNumber"));
    }
}
