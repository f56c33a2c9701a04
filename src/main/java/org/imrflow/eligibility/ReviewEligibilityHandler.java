package org.imrflow.eligibility;

import java.util.Map;
import org.imrflow.audit.AuditLog;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Review eligibility": a coordinator records the facts the application left open; the screening reruns. */
@Component
class ReviewEligibilityHandler implements TaskFormHandler {

    private final CaseLifecycle lifecycle;
    private final AuditLog audit;

    ReviewEligibilityHandler(CaseLifecycle lifecycle, AuditLog audit) {
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @Override
    public String formKey() {
        return "review-eligibility";
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        boolean signed = "YES".equals(values.get("signed"));
        boolean attached = "YES".equals(values.get("urDecisionAttached"));
        boolean cnc = "YES".equals(values.get("conditionalNonCertification"));
        lifecycle.recordEligibilityFacts(task.caseRef().caseId(), signed, attached, cnc);
        audit.record("ELIGIBILITY_FACTS_RECORDED", task.caseRef().caseNumber(),
                "signed=" + signed + ", UR decision attached=" + attached + ", conditional non-certification=" + cnc);
        return Map.of();
    }
}
