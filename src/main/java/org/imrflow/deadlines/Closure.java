package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/** A one-off day the offices are closed, such as a day the Governor closes state offices. */
public record Closure(LocalDate date, String name) {

    public Closure {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
