package org.imrflow.intake;

/** A case reached a closed stage (decided, or ineligible); its process has nothing left to do. */
public record CaseClosed(long caseId, String caseNumber, Stage stage) {}
