package org.imrflow.casefile;

import java.util.List;

/** One page of the case list. */
public record CasePage(List<Row> rows, int page, int size, long total) {

    /** A case with how far its next deadline is (null when it has none to meet). */
    public record Row(CaseOverview overview, DaysLeft next) {}

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
