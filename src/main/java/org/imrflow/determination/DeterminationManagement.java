package org.imrflow.determination;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imrflow.DomainMeters;
import org.imrflow.ImrProperties;
import org.imrflow.assignment.Reviewer;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.correspondence.ItemDetermination;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.MailedDetermination;
import org.imrflow.correspondence.ReviewerCredentials;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Stage;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.Decision;
import org.imrflow.review.ItemReview;
import org.imrflow.web.Dates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the final determination of an approved review: records it, mails the Final Determination Letter to the
 * parties and closes the case as decided, in one transaction, then announces it ({@link DeterminationIssued}).
 * Issuing twice changes nothing.
 */
@Service
public class DeterminationManagement {

    private final DomainMeters meters;
    private final CaseFiles cases;
    private final ClinicalReviews reviews;
    private final ReviewerAssignments assignments;
    private final Letters letters;
    private final CaseLifecycle lifecycle;
    private final BusinessTime time;
    private final CaseClocks clocks;
    private final ImrProperties properties;
    private final Dates dates;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    DeterminationManagement(CaseFiles cases, ClinicalReviews reviews, ReviewerAssignments assignments,
                            Letters letters, CaseLifecycle lifecycle, BusinessTime time, CaseClocks clocks,
                            ImrProperties properties, Dates dates, ApplicationEventPublisher events, JdbcClient jdbc,
                            DomainMeters meters) {
        this.meters = meters;
        this.cases = cases;
        this.reviews = reviews;
        this.assignments = assignments;
        this.letters = letters;
        this.lifecycle = lifecycle;
        this.time = time;
        this.clocks = clocks;
        this.properties = properties;
        this.dates = dates;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Object> issue(CaseRef ref) {
        if (find(ref.caseId()).isPresent()) {
            return Map.of();
        }
        CaseSummary application = cases.byId(ref.caseId());
        List<ReviewerCredentials> credentials = assignments.reviewing(ref.caseId()).stream()
                .map(r -> new ReviewerCredentials(r.reviewer().licenseStates(), r.reviewer().specialties())).toList();
        if (credentials.isEmpty()) {
            throw new IllegalStateException("Case " + ref.caseNumber() + " has no reviewer");
        }
        List<ItemReview> decisions = reviews.itemReviews(ref.caseId());
        Map<Long, DisputedItem> items = cases.items(ref.caseId()).stream()
                .collect(java.util.stream.Collectors.toMap(DisputedItem::id, i -> i));
        List<ItemDetermination> determinations = decisions.stream()
                .map(d -> determination(d, items.get(d.itemId())))
                .toList();
        Instant issuedAt = time.now();
        LocalDate decisionDate = BusinessTime.dateOf(issuedAt);
        // the letter's dates are the case's: when it was assigned, and when it is decided
        DeterminationLetterContent letter = new DeterminationLetterContent(letters.templateVersion(),
                ref.caseNumber(), BusinessTime.dateOf(application.assignedAt()), application.dateOfInjury(),
                decisionDate, application.urDecisionDate(),
                application.expedited() ? DeterminationLetterContent.EXPEDITED : DeterminationLetterContent.STANDARD,
                application.receivedDate(), properties.organization().name(), properties.organization().shortName(),
                credentials.getFirst(), reviews.clinicalCaseSummary(ref.caseId()), determinations,
                credentials.size() > 1 ? credentials : List.of());
        // the application itself is the first document of every case file, uploaded or not
        List<String> documentsReviewed = new ArrayList<>(List.of("Application for Independent Medical Review "
                + "(DWC Form IMR), received " + dates.date(application.receivedDate())));
        cases.documents(ref.caseId()).forEach(d -> documentsReviewed.add(d.fileName() + ", from "
                + d.source().label().toLowerCase(Locale.ROOT) + ", received " + dates.date(d.receivedDate())));
        letters.issueDetermination(ref, new MailedDetermination(letter, decisionDate, application.employeeName(),
                application.claimNumber(), application.employerName(), application.claimsAdministratorName(),
                application.requestingPhysicianName(), documentsReviewed),
                cases.recipients(ref.caseId(), Delivery.MAIL));
        int overturned = (int) decisions.stream().filter(d -> d.decision() == Decision.OVERTURNED).count();
        jdbc.sql("""
                insert into determination (case_id, upheld_items, overturned_items, issued_at)
                values (:case, :upheld, :overturned, :at)""")
                .param("case", ref.caseId()).param("upheld", decisions.size() - overturned)
                .param("overturned", overturned).param("at", Timestamp.from(issuedAt)).update();
        for (ClockKind kind : List.of(ClockKind.DETERMINATION_FROM_ASSIGNMENT, ClockKind.DETERMINATION_FROM_RECORDS)) {
            clocks.meet(ref, kind, issuedAt, "Final Determination Letter issued");
        }
        lifecycle.moveTo(ref.caseId(), Stage.DECIDED);
        assignments.completed(ref.caseId());
        events.publishEvent(new DeterminationIssued(ref.caseId(), ref.caseNumber(), issuedAt));
        // per case: every item upheld, every item overturned, or some of each
        meters.count(DomainMeters.DETERMINATIONS_ISSUED, "outcome",
                overturned == 0 ? "upheld" : overturned == decisions.size() ? "overturned" : "partly_overturned");
        return Map.of();
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

    @Transactional(readOnly = true)
    public Optional<Determination> find(long caseId) {
        return jdbc.sql("select upheld_items, overturned_items, issued_at, imported from determination where case_id = :case")
                .param("case", caseId)
                .query((rs, i) -> new Determination(rs.getInt(1), rs.getInt(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .optional();
    }
}
