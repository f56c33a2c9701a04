package org.imrflow.tasks;

import java.util.List;

/**
 * One page of an inbox list, the soonest due first. A page number out of range shows the nearest page: a link
 * kept from a longer list still lands somewhere.
 */
public record TaskPage(List<InboxTask> tasks, int page, int total, int size) {

    public static final int SIZE = 50;

    static TaskPage of(List<InboxTask> all, int requestedPage) {
        int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
        int page = Math.clamp(requestedPage, 0, pages - 1);
        int from = page * SIZE;
        return new TaskPage(all.subList(from, Math.min(all.size(), from + SIZE)), page, all.size(), SIZE);
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }
}
