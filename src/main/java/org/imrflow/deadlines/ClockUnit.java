package org.imrflow.deadlines;

/** What a clock counts. */
public enum ClockUnit {
    CALENDAR_DAYS("calendar days"), BUSINESS_DAYS("business days"), HOURS("hours");

    private final String words;

    ClockUnit(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
