package org.imrflow.correspondence;

import java.time.Instant;

/** An issued letter, without its content. {@code sha256} is the hash of the PDF as issued. */
public record LetterInfo(long id, long caseId, LetterKind kind, String title, String sha256, Instant issuedAt) {}
