package org.imrflow.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages show them: MM/dd/yyyy, times in California ({@code ${@dates.time(instant)}}).
 * Storage is UTC; display is the zone the deadlines are counted in.
 */
@Component("dates")
public class Dates {

    static final ZoneId CALIFORNIA = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a z");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(CALIFORNIA));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(CALIFORNIA));
    }
}
