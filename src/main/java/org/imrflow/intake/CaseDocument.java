package org.imrflow.intake;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A document of the case file, without its content: who sent it, when the organization received it, and whether
 * it came with the application (the DWC Form IMR and the UR decision) or later.
 */
public record CaseDocument(long id, String fileName, String contentType, long sizeBytes, String sha256,
                           DocumentSource source, LocalDate receivedDate, boolean withApplication,
                           Instant uploadedAt, String uploadedBy) {}
