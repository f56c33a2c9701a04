package org.imrflow.intake;

import java.time.LocalDate;

/** A document reached a case after intake: the records stage and the review may need to know. */
public record DocumentReceived(long caseId, String caseNumber, long documentId, DocumentSource source,
                               LocalDate receivedDate) {}
