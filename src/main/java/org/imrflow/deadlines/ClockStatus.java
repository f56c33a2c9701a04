package org.imrflow.deadlines;

/**
 * Running until met or missed; a clock met after its due date stays missed, with the time it was met. A clock
 * whose case ended without its obligation (the case was terminated) is stopped.
 */
public enum ClockStatus {
    RUNNING, MET, MISSED, STOPPED
}
