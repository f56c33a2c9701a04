package org.imrflow.deadlines;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day the state's offices are closed: an observed holiday ({@code closure} false; its name ends in
 * "(observed)" when the day is not the holiday's own date) or a one-off closure ({@code closure} true).
 */
public record Holiday(LocalDate date, String name, boolean closure) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }
}
