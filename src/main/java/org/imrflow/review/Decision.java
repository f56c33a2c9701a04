package org.imrflow.review;

/** The outcome of one disputed item: the UR decision is upheld (not medically necessary) or overturned. */
public enum Decision {
    UPHELD("Upheld"), OVERTURNED("Overturned");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
