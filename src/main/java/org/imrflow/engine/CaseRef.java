package org.imrflow.engine;

/** A case as the process knows it: our own id and its case number, never an engine key. */
public record CaseRef(long caseId, String caseNumber) {}
