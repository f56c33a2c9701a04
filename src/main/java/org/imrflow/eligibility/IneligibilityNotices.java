package org.imrflow.eligibility;

import java.util.Map;
import org.imrflow.correspondence.IneligibilityNoticeContent;
import org.imrflow.correspondence.Letters;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseLifecycle;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.Stage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends the notice of ineligibility, with the screening's reasons, and closes the case. */
@Service
class IneligibilityNotices {

    private final EligibilityScreening screening;
    private final CaseFiles cases;
    private final CaseLifecycle lifecycle;
    private final Letters letters;
    private final BusinessTime time;

    IneligibilityNotices(EligibilityScreening screening, CaseFiles cases, CaseLifecycle lifecycle, Letters letters,
                         BusinessTime time) {
        this.screening = screening;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.letters = letters;
        this.time = time;
    }

    @Transactional
    Map<String, Object> send(CaseRef ref) {
        CaseSummary application = cases.byId(ref.caseId());
        Screening latest = screening.latest(ref.caseId())
                .filter(s -> s.outcome() == EligibilityOutcome.INELIGIBLE)
                .orElseThrow(() -> new IllegalStateException("Case " + ref.caseNumber() + " was not found ineligible"));
        letters.issueIneligibilityNotice(ref, new IneligibilityNoticeContent(ref.caseNumber(),
                application.employeeName(), application.receivedDate(), application.urDecisionDate(),
                time.today(), latest.reasons()), cases.recipients(ref.caseId(), Delivery.MAIL));
        lifecycle.moveTo(ref.caseId(), Stage.INELIGIBLE);
        return Map.of();
    }
}
