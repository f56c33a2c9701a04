package org.imrflow.eligibility;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imrflow.DomainMeters;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens applications for eligibility and records each screening. An eligible case must get its Notice of
 * Assignment within a business day: that clock (T4) starts here.
 */
@Service
public class EligibilityScreening {

    private final DomainMeters meters;
    private final EligibilityRules rules;
    private final CaseFiles cases;
    private final CaseClocks clocks;
    private final BusinessTime time;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    EligibilityScreening(EligibilityRules rules, CaseFiles cases, CaseClocks clocks, BusinessTime time,
                         AuditLog audit, JdbcClient jdbc, DomainMeters meters) {
        this.meters = meters;
        this.rules = rules;
        this.cases = cases;
        this.clocks = clocks;
        this.time = time;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Screens the case and returns the process variable {@code eligibility}: the outcome. */
    @Transactional
    public Map<String, Object> screen(CaseRef ref) {
        CaseSummary application = cases.byId(ref.caseId());
        boolean filedInTime = clocks.filedInTime(ref.caseId()).orElseThrow(
                () -> new IllegalStateException("Case " + ref.caseNumber() + " has no filing window"));
        EligibilityRules.Verdict verdict = rules.evaluate(application.signed(), application.urDecisionAttached(),
                application.conditionalNonCertification(), filedInTime);
        jdbc.sql("insert into eligibility_screening (case_id, outcome, reasons) values (:case, :outcome, :reasons)")
                .param("case", ref.caseId()).param("outcome", verdict.outcome().name())
                .param("reasons", String.join("\n", verdict.reasons())).update();
        audit.record("ELIGIBILITY_SCREENED", ref.caseNumber(), verdict.outcome().name()
                + (verdict.reasons().isEmpty() ? "" : ": " + String.join(" ", verdict.reasons())));
        meters.count(DomainMeters.CASES_SCREENED, "outcome", verdict.outcome().name().toLowerCase(Locale.ROOT));

        Map<String, Object> variables = new HashMap<>();
        variables.put("eligibility", verdict.outcome().name());
        if (verdict.outcome() == EligibilityOutcome.ELIGIBLE) {
            // T4: the Notice of Assignment is due within a business day of this finding
            clocks.start(ref, ClockKind.NOTICE_OF_ASSIGNMENT, "Found eligible", time.now(), application.reviewType(),
                    null);
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
