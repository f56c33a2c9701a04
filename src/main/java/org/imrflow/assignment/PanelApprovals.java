package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.Stage;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Administrative Director's written approval of several reviewers for a case too complex for one (8 CCR
 * 9792.10.6(c), domain.md §2.6): recorded on the case by a coordinator or the medical director before reviewers are
 * ranked for it, it makes the ranking ask the coordinator for that many reviewers.
 */
@Service
public class PanelApprovals {

    static final int MAX_REVIEWERS = 3;

    private final JdbcClient jdbc;
    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final BusinessTime time;
    private final AuditLog audit;

    PanelApprovals(JdbcClient jdbc, CaseFiles cases, CaseLifecycle lifecycle, BusinessTime time, AuditLog audit) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.time = time;
        this.audit = audit;
    }

    /** The approval as recorded. */
    public record PanelApproval(int reviewers, LocalDate approvedOn, String reference, String recordedBy) {}

    @Transactional
    public PanelApproval record(String caseNumber, Integer reviewers, LocalDate approvedOn, String reference,
                                Actor actor) {
        if (!actor.has(Role.COORDINATOR) && !actor.has(Role.MEDICAL_DIRECTOR)) {
            throw new AccessDeniedException("Recording the Administrative Director's approval needs the role "
                    + "coordinator or medical director.");
        }
        CaseSummary found = cases.visible(caseNumber, actor);
        String ref = reference == null ? "" : reference.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (reviewers == null || reviewers < 2 || reviewers > MAX_REVIEWERS) {
            errors.put("reviewers", "Enter how many reviewers the Administrative Director approved: 2 or 3.");
        }
        if (approvedOn == null) {
            errors.put("approvedOn", "Enter the date of the Administrative Director's written approval.");
        } else if (approvedOn.isAfter(time.today())) {
            errors.put("approvedOn", "The approval cannot be dated in the future.");
        }
        if (ref.isEmpty() || ref.length() > 200) {
            errors.put("reference", "Enter the approval's reference (the letter or message that grants it), at most "
                    + "200 characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Stage stage = lifecycle.lockStage(found.id());
        if (stage != Stage.ELIGIBILITY && stage != Stage.RECORDS) {
            throw new ConflictException("Case " + caseNumber + " is past its records stage (" + stage.label()
                    + "): several reviewers are approved before reviewers are ranked for the case.");
        }
        jdbc.sql("""
                insert into panel_approval (case_id, reviewers, approved_on, reference, recorded_by)
                values (:case, :reviewers, :on, :ref, :by)
                on conflict (case_id) do update set reviewers = excluded.reviewers, approved_on = excluded.approved_on,
                    reference = excluded.reference, recorded_by = excluded.recorded_by, recorded_at = now()""")
                .param("case", found.id()).param("reviewers", reviewers).param("on", approvedOn).param("ref", ref)
                .param("by", actor.username()).update();
        audit.record("PANEL_APPROVED", caseNumber, reviewers + " reviewers, approved by the Administrative Director on "
                + approvedOn + " (" + ref + ")");
        return new PanelApproval(reviewers, approvedOn, ref, actor.username());
    }

    @Transactional(readOnly = true)
    public Optional<PanelApproval> of(long caseId) {
        return jdbc.sql("select reviewers, approved_on, reference, recorded_by from panel_approval where case_id = :case")
                .param("case", caseId)
                .query((rs, i) -> new PanelApproval(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /** How many reviewers decide the case: one, or the panel approved. */
    public int size(long caseId) {
        return of(caseId).map(PanelApproval::reviewers).orElse(1);
    }
}
