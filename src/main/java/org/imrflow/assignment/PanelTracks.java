package org.imrflow.assignment;

import java.util.Optional;

/**
 * A panel reviewer's work runs on a track of its own (process {@code panel-review}): "reviewer-" and the id of
 * their assignment. The engine ledger keeps one position per track, so each reviewer's acceptance, review and
 * guideline check is rebuilt after a restart like a clock's.
 */
public final class PanelTracks {

    public static final String PROCESS_ID = "panel-review";
    private static final String PREFIX = "reviewer-";

    private PanelTracks() {
    }

    public static String track(long assignmentId) {
        return PREFIX + assignmentId;
    }

    public static boolean isPanelTrack(String track) {
        return track != null && track.startsWith(PREFIX);
    }

    /** The assignment whose track this is; empty for the case's own track. */
    public static Optional<Long> assignmentOf(String track) {
        return isPanelTrack(track) ? Optional.of(Long.parseLong(track.substring(PREFIX.length()))) : Optional.empty();
    }

    /** The correlation key of the messages to one panel reviewer's process. */
    public static String key(String caseNumber, long assignmentId) {
        return caseNumber + "/" + track(assignmentId);
    }
}
