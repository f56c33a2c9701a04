package org.imrflow.determination;

import java.time.Instant;

/** A case's Final Determination Letter was issued and mailed: its public copy can be prepared. */
public record DeterminationIssued(long caseId, String caseNumber, Instant issuedAt) {}
