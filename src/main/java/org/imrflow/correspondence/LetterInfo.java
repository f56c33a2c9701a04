package org.imrflow.correspondence;

import java.time.Instant;

/**
 * An issued letter, without its content. {@code sha256} is the hash of the PDF as issued, {@code textSha256} that of
 * its text (UTF-8); {@code templateVersion}
 * the wording it was rendered with ({@link LetterTemplateVersions}). An {@code imported} letter was issued elsewhere
 * and rendered again here from its facts; {@code issuedAt} is then when it was imported.
 */
public record LetterInfo(long id, long caseId, LetterKind kind, String title, String sha256, String textSha256,
        String templateVersion, Instant issuedAt, boolean imported) {}
