package org.imrflow.assignment;

import java.time.LocalDate;

/** An absence of the reviewer (a vacation, a leave), both days included. */
public record Leave(LocalDate startsOn, LocalDate endsOn, String note) {

    public boolean covers(LocalDate date) {
        return !startsOn.isAfter(date) && !endsOn.isBefore(date);
    }
}
