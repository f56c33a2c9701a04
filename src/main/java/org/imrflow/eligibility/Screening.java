package org.imrflow.eligibility;

import java.time.Instant;
import java.util.List;

/** One run of the eligibility screening. */
public record Screening(EligibilityOutcome outcome, List<String> reasons, Instant screenedAt) {}
