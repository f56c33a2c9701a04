package org.imrflow.deadlines;

/** Running until met or missed; a clock met after its due date stays missed, with the time it was met. */
public enum ClockStatus {
    RUNNING, MET, MISSED
}
