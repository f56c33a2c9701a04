package org.imrflow.deadlines;

/** The names shared between {@code bpmn/statutory-clock.bpmn} and the code. */
final class ClockProcess {

    static final String PROCESS_ID = "statutory-clock";

    static final String SEND_REMINDER = "send-deadline-reminder";
    static final String MARK_MISSED = "mark-deadline-missed";
    static final String CLOCK_STOPPED = "ClockStopped";

    static final String CLOCK = "clock";
    static final String CLOCK_KEY = "clockKey";
    static final String DUE_AT = "dueAt";
    static final String REMINDER_AT = "reminderAt";
    static final String ESCALATE = "escalate";

    private ClockProcess() {
    }

    /** The correlation key of a clock's messages. */
    static String key(String caseNumber, ClockKind kind) {
        return caseNumber + "/" + kind.name();
    }
}
