package org.imrflow.determination;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.DomainMeters;
import org.imrflow.assignment.ReviewerAssignments;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.Letters;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.Stage;
import org.imrflow.review.Decision;
import org.imrflow.review.ItemReview;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the final determination of an approved review: records it, mails the Final Determination Letter to the
 * parties and closes the case as decided, in one transaction, then announces it ({@link DeterminationIssued}).
 * Issuing twice changes nothing. Before approval, the medical director previews the same letter, issuing nothing.
 */
@Service
public class DeterminationManagement {

    private final DomainMeters meters;
    private final DeterminationLetterAssembler assembler;
    private final ReviewerAssignments assignments;
    private final Letters letters;
    private final CaseLifecycle lifecycle;
    private final BusinessTime time;
    private final CaseClocks clocks;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    DeterminationManagement(DeterminationLetterAssembler assembler, ReviewerAssignments assignments, Letters letters,
                            CaseLifecycle lifecycle, BusinessTime time, CaseClocks clocks,
                            ApplicationEventPublisher events, JdbcClient jdbc, DomainMeters meters) {
        this.meters = meters;
        this.assembler = assembler;
        this.assignments = assignments;
        this.letters = letters;
        this.lifecycle = lifecycle;
        this.time = time;
        this.clocks = clocks;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Object> issue(CaseRef ref) {
        if (find(ref.caseId()).isPresent()) {
            return Map.of();
        }
        Instant issuedAt = time.now();
        DeterminationLetterAssembler.Assembled letter = assembler.assemble(ref, BusinessTime.dateOf(issuedAt));
        letters.issueDetermination(ref, letter.letter(), letter.recipients());
        List<ItemReview> decisions = letter.decisions();
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

    /**
     * The Final Determination Letter as approving the review today would issue it, as a PDF marked as a draft: what
     * the medical director reads before approving. Only a medical director may read it, and only while the case's
     * determination is not yet issued; nothing is issued, stored, sent, started or stopped, and the reading is
     * audited. The caller has checked that the actor works (or may take) the case's quality review.
     */
    @Transactional
    public byte[] previewLetter(CaseRef ref, Actor actor) {
        actor.require(Role.MEDICAL_DIRECTOR);
        if (find(ref.caseId()).isPresent()) {
            throw new ConflictException("The Final Determination Letter of case " + ref.caseNumber()
                    + " has been issued: open it on the case page.");
        }
        DeterminationLetterAssembler.Assembled letter = assembler.assemble(ref, time.today());
        return letters.previewDetermination(ref, letter.letter(), letter.recipients());
    }

    /**
     * The facts the case's letter would state if it were issued today (its credential block, its items), for the
     * quality review page; empty while the review cannot yet be stated. The caller has checked the actor may see the
     * case.
     */
    @Transactional(readOnly = true)
    public Optional<DeterminationLetterContent> draftFacts(CaseRef ref) {
        try {
            return Optional.of(assembler.assemble(ref, time.today()).letter().letter());
        } catch (ConflictException notYet) {
            return Optional.empty();
        }
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
