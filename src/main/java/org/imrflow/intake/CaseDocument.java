package org.imrflow.intake;

import java.time.Instant;

/** A document of the case file, without its content. */
public record CaseDocument(long id, String fileName, String contentType, long sizeBytes, String sha256,
                           Instant uploadedAt, String uploadedBy) {}
