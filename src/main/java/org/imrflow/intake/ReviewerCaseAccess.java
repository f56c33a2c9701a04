package org.imrflow.intake;

import java.util.List;

/**
 * Which cases a reviewer may see: those offered to or accepted by them. The reviewer selection module
 * answers it; intake asks it on every read by a reviewer, without depending on that module.
 */
public interface ReviewerCaseAccess {

    /** Whether the case is offered to, accepted by, or was decided by the reviewer with this login. */
    boolean isAssigned(long caseId, String username);

    List<Long> caseIdsAssignedTo(String username);
}
