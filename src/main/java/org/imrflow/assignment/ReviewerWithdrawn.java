package org.imrflow.assignment;

/**
 * A coordinator withdrew the reviewer who had accepted the case; the case returns to the ranking without them.
 * Published inside the withdrawal's transaction, so that what listens to it (the review set aside) commits with it.
 */
public record ReviewerWithdrawn(long caseId, String caseNumber, long assignmentId, long reviewerId) {}
