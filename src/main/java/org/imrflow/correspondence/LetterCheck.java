package org.imrflow.correspondence;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The issued letters checked against the SHA-256 of their text and of their PDF recorded when they were issued: how
 * many were checked, and each one altered since, with what no longer matches.
 */
public record LetterCheck(long checked, List<Altered> altered) {

    /** A letter whose stored text, or PDF, no longer gives its hash. */
    public record Altered(long letterId, long caseId, LetterKind kind, String title, boolean text, boolean pdf) {}

    @JsonProperty
    public boolean valid() {
        return altered.isEmpty();
    }
}
