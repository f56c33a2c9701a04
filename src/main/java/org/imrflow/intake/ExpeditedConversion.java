package org.imrflow.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.ExpeditedReviewNoticeContent;
import org.imrflow.correspondence.Letters;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClock;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;
import org.imrflow.engine.CaseMessages;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseProcessLedger;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A regular review converted to expedited (T11, 8 CCR 9792.10.4(c)): the treating physician certified an imminent
 * and serious threat to health. The case's running clocks switch to the expedited values, the parties are told
 * at once, and a case still waiting for its records waits for the earlier due date.
 */
@Service
public class ExpeditedConversion {

    private final CaseRepository cases;
    private final CaseFiles files;
    private final CaseClocks clocks;
    private final Letters letters;
    private final CaseProcessLedger ledger;
    private final CaseMessages messages;
    private final BusinessTime time;
    private final Dates dates;
    private final AuditLog audit;

    ExpeditedConversion(CaseRepository cases, CaseFiles files, CaseClocks clocks, Letters letters,
                        CaseProcessLedger ledger, CaseMessages messages, BusinessTime time, Dates dates,
                        AuditLog audit) {
        this.cases = cases;
        this.files = files;
        this.clocks = clocks;
        this.letters = letters;
        this.ledger = ledger;
        this.messages = messages;
        this.time = time;
        this.dates = dates;
        this.audit = audit;
    }

    /** Converts the case on the physician's certification of {@code certifiedOn} (coordinators). */
    @Transactional
    public void convert(String caseNumber, String certifyingPhysician, LocalDate certifiedOn, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = files.visible(caseNumber, actor);
        Map<String, String> errors = new LinkedHashMap<>();
        String physician = certifyingPhysician == null ? "" : certifyingPhysician.strip();
        if (physician.isEmpty() || physician.length() > 200) {
            errors.put("certifyingPhysician", "Name the physician who certified the threat to health (at most 200 characters).");
        }
        if (certifiedOn == null) {
            errors.put("certifiedOn", "Enter the date of the certification.");
        } else if (certifiedOn.isAfter(time.today())) {
            errors.put("certifiedOn", "The certification date cannot be in the future.");
        } else if (found.urDecisionDate() != null && certifiedOn.isBefore(found.urDecisionDate())) {
            errors.put("certifiedOn", "The certification cannot be earlier than the UR decision.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (found.stage().closed()) {
            throw new ConflictException("Case " + caseNumber + " is closed.");
        }
        if (found.reviewType() == ReviewType.EXPEDITED) {
            throw new ConflictException("Case " + caseNumber + " is already expedited.");
        }
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        Instant now = time.now();
        cases.expedite(found.id(), now, physician, certifiedOn);
        String certification = "certified by " + physician + " on " + dates.date(certifiedOn);
        Optional<Instant> recordsDue = clocks.convertToExpedited(ref, now, certification);
        if (recordsDue.isPresent() && found.stage() == Stage.RECORDS) {
            Map<String, Object> changed = Map.of(CaseProcess.RECORDS_DUE, recordsDue.get().toString());
            ledger.putVariables(ref, CaseProcess.CASE_TRACK, changed);
            messages.announceAfterCommit(ref, CaseProcess.RECORDS_DUE_CHANGED, caseNumber, changed);
        }
        letters.issueExpeditedReviewNotice(ref, notice(found, physician, certifiedOn, now, recordsDue),
                files.recipients(found.id(), Delivery.MAIL));
        audit.record("CASE_EXPEDITED", caseNumber, "converted to an expedited review, " + certification);
    }

    private ExpeditedReviewNoticeContent notice(CaseSummary c, String physician, LocalDate certifiedOn, Instant now,
                                                Optional<Instant> recordsDue) {
        String determinationDue = clocks.of(c.id()).stream()
                .filter(clock -> clock.kind().determination() && clock.open())
                .map(CaseClock::dueAt).min(Instant::compareTo)
                .map(dates::date)
                .orElse("3 days after the case is assigned");
        return new ExpeditedReviewNoticeContent(c.caseNumber(), BusinessTime.dateOf(now), c.employeeName(), physician,
                certifiedOn, determinationDue, recordsDue.map(dates::time).orElse(null));
    }
}
