package org.imrflow.assignment;

import java.time.LocalDate;

/** A disciplinary action or sanction by a licensing board (domain.md §4.3 Q3); in force from imposed until it ends. */
public record Sanction(String description, LocalDate imposedOn, LocalDate endsOn) {

    public boolean inForceOn(LocalDate date) {
        return !imposedOn.isAfter(date) && (endsOn == null || !endsOn.isBefore(date));
    }
}
