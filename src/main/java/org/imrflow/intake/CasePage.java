package org.imrflow.intake;

import java.util.List;

/** One page of cases. */
public record CasePage(List<CaseSummary> cases, int page, int size, long total) {

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
