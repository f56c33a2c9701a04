package org.imrflow.intake;

import java.time.LocalDate;

/** A document reached a case after intake: a review in progress flags it to the reviewer. */
public record DocumentReceived(long caseId, String caseNumber, long documentId, DocumentSource source,
                               LocalDate receivedDate) {}
