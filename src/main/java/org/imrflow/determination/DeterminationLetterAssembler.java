package org.imrflow.determination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.ConflictException;
import org.imrflow.ImrProperties;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.ItemDetermination;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.MailedDetermination;
import org.imrflow.correspondence.Recipient;
import org.imrflow.correspondence.ReviewerCredentials;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.DisputedItem;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.ItemReview;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Component;

/**
 * The one place the Final Determination Letter of a case this system decided is put together from the case's
 * records: its facts, the parties' names, the documents reviewed and the recipients. Issuing the letter and
 * previewing it for the medical director both take it from here, so the preview shows the very letter that
 * approval would issue. It only reads.
 */
@Component
class DeterminationLetterAssembler {

    private final CaseFiles cases;
    private final ClinicalReviews reviews;
    private final ReviewerAssignments assignments;
    private final Letters letters;
    private final ImrProperties properties;
    private final Dates dates;

    DeterminationLetterAssembler(CaseFiles cases, ClinicalReviews reviews, ReviewerAssignments assignments,
                                 Letters letters, ImrProperties properties, Dates dates) {
        this.cases = cases;
        this.reviews = reviews;
        this.assignments = assignments;
        this.letters = letters;
        this.properties = properties;
        this.dates = dates;
    }

    /** The letter as mailed to its recipients, the reviews it states, dated {@code decisionDate}. */
    record Assembled(MailedDetermination letter, List<Recipient> recipients, List<ItemReview> decisions) {}

    /**
     * The case's letter dated {@code decisionDate}. Refused (409) while the review cannot yet be stated: no reviewer,
     * no clinical case summary, or an item not decided.
     */
    Assembled assemble(CaseRef ref, LocalDate decisionDate) {
        CaseSummary application = cases.byId(ref.caseId());
        List<ReviewerCredentials> credentials = assignments.reviewing(ref.caseId()).stream()
                .map(r -> new ReviewerCredentials(r.reviewer().licenseStates(), r.reviewer().specialties())).toList();
        if (credentials.isEmpty()) {
            throw new ConflictException("Case " + ref.caseNumber() + " has no reviewer, so it has no letter yet.");
        }
        List<ItemReview> decisions = reviews.itemReviews(ref.caseId());
        String summary = reviews.clinicalCaseSummary(ref.caseId());
        if (summary == null || summary.isBlank() || decisions.stream().anyMatch(d -> d.decision() == null)) {
            throw new ConflictException("The review of case " + ref.caseNumber()
                    + " is not complete: the letter needs the clinical case summary and a decision on every item.");
        }
        Map<Long, DisputedItem> items = cases.items(ref.caseId()).stream()
                .collect(Collectors.toMap(DisputedItem::id, Function.identity()));
        List<ItemDetermination> determinations = decisions.stream()
                .map(d -> determination(d, items.get(d.itemId())))
                .toList();
        // the letter's dates are the case's: when it was assigned, and when it is decided
        DeterminationLetterContent letter = new DeterminationLetterContent(letters.templateVersion(),
                ref.caseNumber(), BusinessTime.dateOf(application.assignedAt()), application.dateOfInjury(),
                decisionDate, application.urDecisionDate(),
                application.expedited() ? DeterminationLetterContent.EXPEDITED : DeterminationLetterContent.STANDARD,
                application.receivedDate(), properties.organization().name(), properties.organization().shortName(),
                credentials.getFirst(), summary, determinations, credentials.size() > 1 ? credentials : List.of());
        // the application itself is the first document of every case file, uploaded or not
        List<String> documentsReviewed = new ArrayList<>(List.of("Application for Independent Medical Review "
                + "(DWC Form IMR), received " + dates.date(application.receivedDate())));
        cases.documents(ref.caseId()).forEach(d -> documentsReviewed.add(d.fileName() + ", from "
                + d.source().label().toLowerCase(Locale.ROOT) + ", received " + dates.date(d.receivedDate())));
        MailedDetermination mailed = new MailedDetermination(letter, decisionDate, application.employeeName(),
                application.claimNumber(), application.employerName(), application.claimsAdministratorName(),
                application.requestingPhysicianName(), documentsReviewed);
        return new Assembled(mailed, cases.recipients(ref.caseId(), Delivery.MAIL), decisions);
    }

    /** One item of the letter: the request, what the claims administrator authorized of it, and both bases. */
    private static ItemDetermination determination(ItemReview review, DisputedItem item) {
        List<ItemDetermination.ReviewerAnalysis> analyses = new ArrayList<>();
        if (review.divided()) {
            for (int i = 0; i < review.panel().size(); i++) {
                ItemReview opinion = review.panel().get(i);
                analyses.add(new ItemDetermination.ReviewerAnalysis(i + 1, opinion.decision().label(),
                        opinion.organizationBasis(), opinion.decisionRationale()));
            }
        }
        return new ItemDetermination(item.title(), item.partialApproval(), review.decision().label(),
                item.claimsAdministratorBasis(), review.organizationBasis(), review.decisionRationale(), analyses);
    }
}
