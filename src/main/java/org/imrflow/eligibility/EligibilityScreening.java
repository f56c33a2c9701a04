package org.imrflow.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.StatutoryClocks;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.Stage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens applications for eligibility and records each screening. An eligible case is assigned for review
 * at once, which starts its determination clock.
 */
@Service
public class EligibilityScreening {

    private final EligibilityRules rules;
    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final StatutoryClocks clocks;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    EligibilityScreening(EligibilityRules rules, CaseFiles cases, CaseLifecycle lifecycle, StatutoryClocks clocks,
                         AuditLog audit, JdbcClient jdbc) {
        this.rules = rules;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.clocks = clocks;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Screens the case and returns the process variables: the outcome, and the due date once assigned. */
    @Transactional
    public Map<String, Object> screen(CaseRef ref) {
        CaseSummary application = cases.byId(ref.caseId());
        EligibilityRules.Verdict verdict = rules.evaluate(application);
        jdbc.sql("insert into eligibility_screening (case_id, outcome, reasons) values (:case, :outcome, :reasons)")
                .param("case", ref.caseId()).param("outcome", verdict.outcome().name())
                .param("reasons", String.join("\n", verdict.reasons())).update();
        audit.record("ELIGIBILITY_SCREENED", ref.caseNumber(), verdict.outcome().name()
                + (verdict.reasons().isEmpty() ? "" : ": " + String.join(" ", verdict.reasons())));

        Map<String, Object> variables = new HashMap<>();
        variables.put("eligibility", verdict.outcome().name());
        if (verdict.outcome() == EligibilityOutcome.ELIGIBLE) {
            Instant assignedAt = application.assignedAt() != null ? application.assignedAt() : clocks.now();
            LocalDate due = application.determinationDue() != null ? application.determinationDue()
                    : clocks.determinationDue(clocks.today(), application.expedited());
            lifecycle.assigned(ref.caseId(), assignedAt, due);
            lifecycle.moveTo(ref.caseId(), Stage.REVIEWER_SELECTION);
            variables.put("determinationDue", StatutoryClocks.endOf(due).toString());
        }
        return variables;
    }

    @Transactional(readOnly = true)
    public Optional<Screening> latest(long caseId) {
        return jdbc.sql("""
                select outcome, reasons, screened_at from eligibility_screening
                where case_id = :case order by screened_at desc, id desc limit 1""")
                .param("case", caseId)
                .query((rs, i) -> new Screening(EligibilityOutcome.valueOf(rs.getString(1)), lines(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
    }
}
