package org.imrflow.records;

import java.time.Instant;
import org.imrflow.deadlines.Delivery;

/**
 * The request for a case's records: when and how the Notice of Assignment went out, and what became of the record
 * set: marked complete, or late (referred for the penalty) with the review going on or the case held.
 */
public record RecordRequest(long caseId, Instant noticeSentAt, Delivery noticeDelivery, boolean sentBeforeTakeOver,
                            Instant completedAt, String completedBy, Instant penaltyReferredAt, Instant proceededAt,
                            Instant heldAt) {

    /** Still waiting at "Await medical records": neither complete nor past its due date. */
    boolean awaiting() {
        return completedAt == null && proceededAt == null && heldAt == null;
    }

    /** Held for want of anything but the UR decision, and not yet going on. */
    public boolean held() {
        return heldAt != null && proceededAt == null && completedAt == null;
    }
}
