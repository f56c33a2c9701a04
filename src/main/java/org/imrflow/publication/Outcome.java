package org.imrflow.publication;

import java.util.List;

/** A decided case's outcome as the public search shows it: every item upheld, every item overturned, or some of each. */
public enum Outcome {
    UPHELD("Upheld"), OVERTURNED("Overturned"), PARTIALLY_OVERTURNED("Partially overturned");

    private static final String OVERTURNED_ITEM = "Overturned";

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The outcome of a case whose items were decided so ("Upheld", "Overturned"). */
    static Outcome of(List<String> itemDecisions) {
        long overturned = itemDecisions.stream().filter(OVERTURNED_ITEM::equals).count();
        return overturned == 0 ? UPHELD : overturned == itemDecisions.size() ? OVERTURNED : PARTIALLY_OVERTURNED;
    }
}
