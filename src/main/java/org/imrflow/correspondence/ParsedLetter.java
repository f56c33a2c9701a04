package org.imrflow.correspondence;

import java.util.List;
import java.util.Objects;

/**
 * What {@link DeterminationLetterParser} read from a letter: its facts, with the template version whose text
 * it is, and what it could not repair (extraction artefacts kept as printed, guideline lines kept verbatim).
 */
public record ParsedLetter(DeterminationLetterContent content, List<String> warnings) {

    public ParsedLetter {
        Objects.requireNonNull(content, "content");
        warnings = List.copyOf(warnings);
    }
}
