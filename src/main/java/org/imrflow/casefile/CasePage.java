package org.imrflow.casefile;

import java.util.List;

/**
 * One page of the case list, found from a case (keyset paging, {@link CaseSearch}): whether there are cases before
 * and after it in the sort order, and how many cases the search finds in all, counted up to {@link #COUNTED}: a
 * {@code total} above it means "more than {@value #COUNTED}".
 */
public record CasePage(List<Row> rows, boolean hasPrevious, boolean hasNext, long total) {

    /** How far the cases a search finds are counted. */
    public static final long COUNTED = 10_000;

    /** How far the cases were counted, for the page. */
    public long counted() {
        return COUNTED;
    }

    /** Whether the search finds more cases than were counted. */
    public boolean moreThanCounted() {
        return total > COUNTED;
    }

    /** A case with how far its next deadline is (null when it has none to meet). */
    public record Row(CaseOverview overview, DaysLeft next) {}

    /** The id of the first case of the page, for the link to the page before it. */
    public Long firstId() {
        return rows.isEmpty() ? null : rows.getFirst().overview().caseId();
    }

    /** The id of the last case of the page, for the link to the page after it. */
    public Long lastId() {
        return rows.isEmpty() ? null : rows.getLast().overview().caseId();
    }
}
