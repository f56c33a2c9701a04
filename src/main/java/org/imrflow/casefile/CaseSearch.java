package org.imrflow.casefile;

import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.Stage;

/**
 * A search of the case list: free text (case number prefix or worker name), a stage, a state of a clock's
 * deadline ({@code clock} null: the next deadline of any clock), a sort order and which page: the first (none of
 * the three), the one just after the case {@code after} or just before the case {@code before} in the sort order
 * (the id of the last or first case of the page the user comes from), or the {@code last}. Pages are found from
 * that case, never by counting rows (keyset paging): the last page costs what the first does.
 */
public record CaseSearch(String text, Stage stage, DueState due, ClockKind clock, Sort sort, Long after, Long before,
                         boolean last, int size) {

    static final int PAGE_SIZE = 20;

    /** The orders of the list: by the next deadline, by date received, by case number, or by one clock's due date. */
    public enum Sort {
        DUE(null), RECEIVED(null), CASE_NUMBER(null),
        FILING(ClockKind.FILING),
        NOTICE_OF_ASSIGNMENT(ClockKind.NOTICE_OF_ASSIGNMENT),
        RECORDS(ClockKind.RECORDS),
        DETERMINATION_FROM_ASSIGNMENT(ClockKind.DETERMINATION_FROM_ASSIGNMENT),
        DETERMINATION_FROM_RECORDS(ClockKind.DETERMINATION_FROM_RECORDS);

        private final ClockKind clock;

        Sort(ClockKind clock) {
            this.clock = clock;
        }

        /** The clock whose due date orders the list, or null. */
        public ClockKind clock() {
            return clock;
        }
    }

    /** Where a deadline stands: what a coordinator filters the list by. */
    public enum DueState {
        /** Past its due instant and not met. */
        OVERDUE,
        /** Due later today, in California. */
        DUE_TODAY,
        /** Due from now to the end of the third business day after today. */
        DUE_SOON,
        /** Still to be met. */
        OPEN,
        /** Nothing to meet: no such clock, or it was met. */
        NONE
    }

    public CaseSearch {
        text = text == null ? "" : text.strip();
        sort = sort == null ? Sort.DUE : sort;
        // one way to a page: the last, else after a case, else before one
        after = last ? null : after;
        before = last || after != null ? null : before;
        size = size <= 0 || size > 100 ? PAGE_SIZE : size;
    }

    /** The clock whose due date the list shows beside the next deadline: the one sorted or filtered by. */
    public ClockKind shownClock() {
        return sort.clock() != null ? sort.clock() : clock;
    }
}
