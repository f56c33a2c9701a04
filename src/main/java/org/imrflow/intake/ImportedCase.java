package org.imrflow.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.ReviewType;

/**
 * What a Final Determination Letter issued elsewhere states of its case, for a decided case made from it. A letter
 * before 2016 has no header block, so its dates and review type are null (unknown); the letter itself is kept as a
 * case document.
 *
 * @param assignedDate the letter's Date Assigned
 * @param letter       the letter as it arrived (PDF or plain text)
 */
public record ImportedCase(String caseNumber, ReviewType reviewType, LocalDate receivedDate, LocalDate dateOfInjury,
                           LocalDate urDecisionDate, LocalDate assignedDate, List<Item> items, DocumentFile letter) {

    public ImportedCase {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(letter, "letter");
        items = List.copyOf(items);
    }

    /**
     * A disputed item as the letter's item line states it: the original request, what the claims administrator
     * authorized of it and the remaining IMR-eligible portion (both null: nothing authorized; {@code authorized}
     * without a remaining portion: the whole request remains), and the claims administrator's basis as printed.
     */
    public record Item(String request, String authorized, String remainingPortion,
                       GuidelineBasis claimsAdministratorBasis) {

        public Item {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(claimsAdministratorBasis, "claimsAdministratorBasis");
        }
    }
}
