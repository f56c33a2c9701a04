package org.imrflow.casefile;

import java.util.List;

/** Where the open cases stand in a process: the elements with at least one case, in the model's order. */
public record ProcessMap(String processId, List<Row> rows) {

    public long total() {
        return rows.stream().mapToLong(Row::openCases).sum();
    }

    /** An element of the model, by id and name, and how many open cases stand there now. */
    public record Row(String elementId, String name, long openCases) {}
}
