package org.imrflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.imrflow.assignment.CaseReviewers;
import org.imrflow.assignment.PanelApprovals;
import org.imrflow.audit.AuditLog;
import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.correspondence.LetterDeliveries;
import org.imrflow.correspondence.Letters;
import org.imrflow.publication.PublicDecisions;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessCalendars;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.records.RecordsManagement;
import org.imrflow.determination.DeterminationManagement;
import org.imrflow.eligibility.EligibilityScreening;
import org.imrflow.engine.CaseIncidents;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.ItemReview;
import org.imrflow.security.Actor;
import org.imrflow.tasks.TaskInbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles a case's file for an actor who may see it; opening it is audited. */
@Component
class CaseFileAssembler {

    private final CaseFiles cases;
    private final EligibilityScreening eligibility;
    private final ClinicalReviews reviews;
    private final DeterminationManagement determinations;
    private final Letters letters;
    private final TaskInbox tasks;
    private final CaseReviewers reviewers;
    private final PanelApprovals panelApprovals;
    private final CaseIncidents incidents;
    private final AuditLog audit;
    private final CaseClocks clocks;
    private final BusinessCalendars calendars;
    private final BusinessTime time;
    private final RecordsManagement records;
    private final LetterDeliveries deliveries;
    private final PublicDecisions publicDecisions;

    CaseFileAssembler(CaseFiles cases, EligibilityScreening eligibility, ClinicalReviews reviews,
                      DeterminationManagement determinations, Letters letters, TaskInbox tasks, CaseReviewers reviewers, PanelApprovals panelApprovals,
                      CaseIncidents incidents, AuditLog audit, CaseClocks clocks, BusinessCalendars calendars,
                      BusinessTime time, RecordsManagement records, LetterDeliveries deliveries,
                      PublicDecisions publicDecisions) {
        this.cases = cases;
        this.eligibility = eligibility;
        this.reviews = reviews;
        this.determinations = determinations;
        this.letters = letters;
        this.tasks = tasks;
        this.reviewers = reviewers;
        this.panelApprovals = panelApprovals;
        this.incidents = incidents;
        this.audit = audit;
        this.clocks = clocks;
        this.calendars = calendars;
        this.time = time;
        this.records = records;
        this.deliveries = deliveries;
        this.publicDecisions = publicDecisions;
    }

    /** The case's clocks in the order they started, each with the business days left as of today. */
    List<CaseClockView> clocks(long caseId) {
        BusinessCalendar calendar = calendars.current();
        LocalDate today = time.today();
        Instant now = time.now();
        return clocks.of(caseId).stream().map(c -> CaseClockView.of(c, calendar, today, now)).toList();
    }

    @Transactional
    CaseFile open(String caseNumber, Actor actor) {
        CaseSummary summary = cases.open(caseNumber, actor);
        long id = summary.id();
        UnaryOperator<String> logins = reviewers.shownTo(id, actor);
        Map<Long, ItemReview> decided = reviews.itemReviews(id).stream()
                .collect(Collectors.toMap(ItemReview::itemId, Function.identity()));
        List<CaseFile.Item> items = cases.items(id).stream()
                .map(i -> CaseFile.Item.of(i, decided.get(i.id())))
                .toList();
        return new CaseFile(summary, cases.parties(id), items, cases.documents(id), eligibility.latest(id).orElse(null),
                clocks(id), clocks.log(id), records.request(id).orElse(null), records.penaltyAccrued(id),
                reviews.lateDocuments(id),
                reviews.clinicalCaseSummary(id), reviews.returns(id), determinations.find(id).orElse(null),
                letters.forCase(id), deliveries.forCase(id), publicDecisions.of(caseNumber, actor).orElse(null),
                panelApprovals.of(id).orElse(null), reviewers.of(id, actor), tasks.ofCase(id).stream().map(t -> t.withLogins(logins)).toList(),
                incidents.openFor(id), audit.historyOf(caseNumber).stream().map(e -> e.withActor(logins)).toList());
    }
}
