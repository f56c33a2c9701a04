package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The Final Determination Letter as it is mailed to the parties: the public letter ({@code letter}) with what
 * only the parties see, the names, the claim number and the documents the reviewer had. The addressees are the
 * letter's recipients. A mailed letter is always of a case this system decided, so the public letter's header
 * facts are all known.
 *
 * @param letterDate        the date the letter is dated and mailed
 * @param documentsReviewed the documents of the case file, each as "title (source, received date)"
 */
public record MailedDetermination(DeterminationLetterContent letter, LocalDate letterDate, String employeeName,
        String claimNumber, String employerName, String claimsAdministratorName, String requestingPhysicianName,
        List<String> documentsReviewed) {

    public MailedDetermination {
        Objects.requireNonNull(letter, "letter");
        Required.text(letter.caseNumber(), "letter.caseNumber");
        Objects.requireNonNull(letter.dateAssigned(), "letter.dateAssigned");
        Objects.requireNonNull(letter.dateOfInjury(), "letter.dateOfInjury");
        Objects.requireNonNull(letter.urDenialDate(), "letter.urDenialDate");
        Objects.requireNonNull(letter.applicationReceived(), "letter.applicationReceived");
        Required.oneOf(letter.priority(), "letter.priority",
                List.of(DeterminationLetterContent.STANDARD, DeterminationLetterContent.EXPEDITED));
        Objects.requireNonNull(letterDate, "letterDate");
        Required.text(employeeName, "employeeName");
        Required.text(claimNumber, "claimNumber");
        Required.text(employerName, "employerName");
        Required.text(claimsAdministratorName, "claimsAdministratorName");
        Required.text(requestingPhysicianName, "requestingPhysicianName");
        // the determination must list the documents reviewed (8 CCR 9792.10.6(d)); a review is never made on nothing
        documentsReviewed = Required.lines(documentsReviewed, "documentsReviewed",
                "the letter must list the documents reviewed");
    }
}
