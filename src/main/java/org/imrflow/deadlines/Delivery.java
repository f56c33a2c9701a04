package org.imrflow.deadlines;

/** How a decision or notice was served: by mail, which adds days to some deadlines, or electronically. */
public enum Delivery {
    MAIL("mailed"), ELECTRONIC("sent electronically");

    private final String past;

    Delivery(String past) {
        this.past = past;
    }

    /** "mailed", "sent electronically". */
    public String past() {
        return past;
    }
}
