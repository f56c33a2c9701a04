package org.imrflow.records;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.ImrProperties;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.NoticeOfAssignmentContent;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClock;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.ClockUnit;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseDocument;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records stage of a case: the Notice of Assignment and Request for Information, the record set marked
 * complete, and what happens at the records due date. Each step records its clocks in its own transaction.
 */
@Service
public class RecordsManagement {

    /** 8 CCR 9792.12(c)(6): $500 for each day the records are late, at most $5,000. */
    static final int PENALTY_PER_DAY = 500;
    static final int PENALTY_CAP = 5000;

    static final String OUTCOME = "recordsOutcome";
    static final String PROCEED = "PROCEED";
    static final String HOLD = "HOLD";

    private final RecordRequests requests;
    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final CaseClocks clocks;
    private final Letters letters;
    private final CaseMessages messages;
    private final BusinessTime time;
    private final Dates dates;
    private final RecordsProperties properties;
    private final ImrProperties imr;
    private final AuditLog audit;

    RecordsManagement(RecordRequests requests, CaseFiles cases, CaseLifecycle lifecycle, CaseClocks clocks,
                      Letters letters, CaseMessages messages, BusinessTime time, Dates dates,
                      RecordsProperties properties, ImrProperties imr, AuditLog audit) {
        this.requests = requests;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.letters = letters;
        this.messages = messages;
        this.time = time;
        this.dates = dates;
        this.properties = properties;
        this.imr = imr;
        this.audit = audit;
    }

    /**
     * "Send Notice of Assignment and Request for Information": issues the NOARFI to the parties, records the
     * assignment, meets T4 and starts the records clock (T5) and the determination clock from assignment (T10).
     * A case taken over after its assignment had its notice sent by the other system on its assignment date.
     */
    @Transactional
    public Map<String, Object> sendNoticeOfAssignment(CaseRef ref) {
        CaseSummary application = cases.byId(ref.caseId());
        boolean sentBefore = application.imported() && application.assignedAt() != null;
        Instant sentAt = sentBefore ? application.assignedAt() : time.now();
        Optional<RecordRequest> earlier = requests.find(ref.caseId());
        if (earlier.isPresent()) {
            sentAt = earlier.get().noticeSentAt();
        }
        var delivery = earlier.map(RecordRequest::noticeDelivery).orElse(properties.noticeDelivery());
        CaseClock recordsClock = clocks.start(ref, ClockKind.RECORDS, "Notice of Assignment " + delivery.past(), sentAt,
                application.reviewType(), delivery);
        clocks.start(ref, ClockKind.DETERMINATION_FROM_ASSIGNMENT, "Case assigned (Notice of Assignment)", sentAt,
                application.reviewType(), delivery);
        if (earlier.isEmpty()) {
            requests.insert(ref.caseId(), sentAt, delivery, sentBefore);
            if (!sentBefore) {
                letters.issueNoticeOfAssignment(ref, notice(application, sentAt, recordsClock, delivery.name()),
                        cases.recipients(ref.caseId(), delivery));
            }
            audit.record("NOTICE_OF_ASSIGNMENT_SENT", ref.caseNumber(), sentBefore
                    ? "sent before the case was taken over, on " + BusinessTime.dateOf(sentAt)
                    : delivery.past() + "; records due " + recordsClock.dueAt());
        }
        lifecycle.assigned(ref.caseId(), sentAt);
        clocks.meet(ref, ClockKind.NOTICE_OF_ASSIGNMENT, sentAt, "Notice of Assignment " + delivery.past());
        lifecycle.moveTo(ref.caseId(), Stage.RECORDS);
        return Map.of(CaseProcess.RECORDS_DUE, recordsClock.dueAt().toString());
    }

    /**
     * A coordinator (or the API) marks the record set complete: T5 is met, the determination clock from complete
     * records starts, and a case waiting for its records goes on to reviewer selection.
     */
    @Transactional
    public RecordRequest markComplete(String caseNumber, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        RecordRequest request = requests.lock(found.id()).orElseThrow(() -> new ConflictException(
                "No records were requested yet: the Notice of Assignment has not been sent."));
        if (request.completedAt() != null) {
            throw new ConflictException("The record set was already marked complete on "
                    + dates.time(request.completedAt()) + ".");
        }
        if (found.stage().closed()) {
            throw new ConflictException("Case " + caseNumber + " is closed.");
        }
        Instant now = time.now();
        requests.complete(found.id(), now, actor.username());
        clocks.meet(ref, ClockKind.RECORDS, now, "record set marked complete");
        clocks.start(ref, ClockKind.DETERMINATION_FROM_RECORDS, "Record set complete", now, found.reviewType(),
                request.noticeDelivery());
        audit.record("RECORDS_COMPLETE", caseNumber, "record set marked complete");
        if (request.awaiting()) {
            messages.endWaitAfterCommit(ref, CaseProcess.CASE_TRACK, CaseProcess.AWAIT_RECORDS,
                    CaseProcess.RECORDS_RECEIVED, caseNumber, Map.of(OUTCOME, PROCEED));
        }
        return requests.find(found.id()).orElseThrow();
    }

    /**
     * "Check the record set", at the records due date and after a hold: complete records go on; late ones are
     * referred for the penalty, and the review goes on with the documents of the employee or the requesting
     * physician, or the case is held when it has nothing but the UR decision.
     */
    @Transactional
    public Map<String, Object> checkRecordSet(CaseRef ref) {
        RecordRequest request = requests.lock(ref.caseId()).orElseThrow(
                () -> new IllegalStateException("Case " + ref.caseNumber() + " has no request for records"));
        if (request.completedAt() != null) {
            return Map.of(OUTCOME, PROCEED);
        }
        Instant now = time.now();
        clocks.missed(ref, ClockKind.RECORDS);
        if (request.penaltyReferredAt() == null) {
            requests.referPenalty(ref.caseId(), now);
            audit.record("RECORDS_PENALTY_REFERRED", ref.caseNumber(),
                    "records not received by their due date: referred under 8 CCR 9792.12(c)(6)");
        }
        CaseSummary application = cases.byId(ref.caseId());
        if (hasEmployeeOrPhysicianDocuments(ref.caseId())) {
            requests.proceed(ref.caseId(), now);
            clocks.start(ref, ClockKind.DETERMINATION_FROM_RECORDS, "Records late: the review goes on with the file",
                    now, application.reviewType(), request.noticeDelivery());
            audit.record("REVIEW_PROCEEDS_WITHOUT_RECORDS", ref.caseNumber(),
                    "on the UR decision's summary and the documents of the employee or the requesting physician");
            return Map.of(OUTCOME, PROCEED);
        }
        if (request.heldAt() == null) {
            requests.hold(ref.caseId(), now);
            audit.record("CASE_HELD", ref.caseNumber(), "nothing but the UR decision: held until records arrive");
        }
        return Map.of(OUTCOME, HOLD);
    }

    /** The request for a case's records, if the notice went out. */
    @Transactional(readOnly = true)
    public Optional<RecordRequest> request(long caseId) {
        return requests.find(caseId);
    }

    /**
     * The penalty accrued for late records, in dollars: $500 a day from the due date until the record set was
     * complete (or today), at most $5,000; zero if the records were not late.
     */
    @Transactional(readOnly = true)
    public int penaltyAccrued(long caseId) {
        Optional<RecordRequest> request = requests.find(caseId);
        Optional<CaseClock> clock = clocks.find(caseId, ClockKind.RECORDS);
        if (request.isEmpty() || clock.isEmpty() || request.get().penaltyReferredAt() == null) {
            return 0;
        }
        Instant until = request.get().completedAt() != null ? request.get().completedAt() : time.now();
        long daysLate = ChronoUnit.DAYS.between(clock.get().dueDate(), BusinessTime.dateOf(until));
        return (int) Math.min(PENALTY_CAP, Math.max(0, daysLate) * PENALTY_PER_DAY);
    }

    private boolean hasEmployeeOrPhysicianDocuments(long caseId) {
        return cases.documents(caseId).stream()
                .anyMatch(d -> !d.withApplication() && d.source().employeeOrPhysician());
    }

    private NoticeOfAssignmentContent notice(CaseSummary c, Instant sentAt, CaseClock recordsClock, String delivery) {
        List<DisputedItem> items = cases.items(c.id());
        String due = recordsClock.unit() == ClockUnit.HOURS ? dates.time(recordsClock.dueAt())
                : dates.date(recordsClock.dueAt());
        return new NoticeOfAssignmentContent(c.caseNumber(), BusinessTime.dateOf(sentAt), c.reviewType().label(),
                c.employeeName(), c.claimNumber(), c.dateOfInjury(), c.employerName(), c.claimsAdministratorName(),
                c.requestingPhysicianName(), c.receivedDate(), c.urDecisionDate(),
                items.stream().map(DisputedItem::title).toList(), due,
                "MAIL".equals(delivery) ? NoticeOfAssignmentContent.MAIL : NoticeOfAssignmentContent.ELECTRONIC);
    }
}
