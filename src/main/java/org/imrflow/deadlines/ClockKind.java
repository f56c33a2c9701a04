package org.imrflow.deadlines;

/**
 * The statutory clocks of a case (domain.md §2.3), each with what it measures, the law it comes from, and
 * whether missing it opens a coordinator's task. The records clock does not: the records stage of the case
 * process handles late records itself.
 */
public enum ClockKind {
    FILING("T1", "Application filed", "8 CCR 9792.10.1(b)(1)", false),
    NOTICE_OF_ASSIGNMENT("T4", "Notice of Assignment sent", "8 CCR 9792.10.4(b)", true),
    RECORDS("T5", "Medical records received", "8 CCR 9792.10.5(a)(1)", false),
    DETERMINATION_FROM_ASSIGNMENT("T10", "Determination, counted from assignment", "Labor Code 4610.6(d)", true),
    DETERMINATION_FROM_RECORDS("T10", "Determination, counted from complete records", "Labor Code 4610.6(d)", true);

    private final String code;
    private final String label;
    private final String source;
    private final boolean escalates;

    ClockKind(String code, String label, String source, boolean escalates) {
        this.code = code;
        this.label = label;
        this.source = source;
        this.escalates = escalates;
    }

    /** The deadline's number in domain.md §2.3. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    /** Whether a missed deadline opens the coordinators' task "Act on missed deadline". */
    boolean escalates() {
        return escalates;
    }

    public boolean determination() {
        return this == DETERMINATION_FROM_ASSIGNMENT || this == DETERMINATION_FROM_RECORDS;
    }

    /** The track of the clock's own process. */
    String track() {
        return "clock:" + name();
    }
}
