package org.imrflow.casefile;

import java.util.List;
import org.imrflow.assignment.CaseReviewers.CaseReviewer;
import org.imrflow.assignment.PanelApprovals.PanelApproval;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.LetterDelivery;
import org.imrflow.correspondence.LetterInfo;
import org.imrflow.correspondence.PartialApproval;
import org.imrflow.publication.PublicDecision;
import org.imrflow.deadlines.ClockEvent;
import org.imrflow.records.RecordRequest;
import org.imrflow.determination.Determination;
import org.imrflow.eligibility.Screening;
import org.imrflow.engine.CaseIncidents;
import org.imrflow.intake.CaseDocument;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.Party;
import org.imrflow.intake.DisputedItem;
import org.imrflow.review.ItemReview;
import org.imrflow.review.ReviewReturn;
import org.imrflow.tasks.InboxTask;

/** Everything the case page and the API show of one case, assembled from the modules. */
public record CaseFile(
        CaseSummary summary,
        List<Party> parties,
        List<Item> items,
        List<CaseDocument> documents,
        Screening eligibility,
        List<CaseClockView> clocks,
        List<ClockEvent> clockLog,
        RecordRequest records,
        int recordsPenaltyAccrued,
        List<Long> lateDocuments,
        String clinicalCaseSummary,
        List<ReviewReturn> reviewReturns,
        Determination determination,
        List<LetterInfo> letters,
        List<LetterDelivery> deliveries,
        PublicDecision publicCopy,
        PanelApproval panelApproval,
        List<CaseReviewer> reviewers,
        List<InboxTask> tasks,
        List<CaseIncidents.Incident> incidents,
        List<AuditLog.AuditEntry> history) {

    /**
     * A disputed item with the reviewer's decision, once there is one; {@code partialApproval} is what the claims
     * administrator authorized of the request, if anything, and the portion left in dispute.
     */
    public record Item(long id, int lineNo, String description, String treatmentCategory,
                       String claimsAdministratorGuideline, PartialApproval partialApproval, ItemReview review) {

        static Item of(DisputedItem item, ItemReview review) {
            return new Item(item.id(), item.lineNo(), item.title(),
                    item.treatmentCategory() == null ? null : item.treatmentCategory().label(),
                    item.claimsAdministratorGuideline(), item.partialApproval(), review);
        }
    }
}
