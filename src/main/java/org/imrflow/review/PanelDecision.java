package org.imrflow.review;

import java.util.List;
import java.util.Objects;

/**
 * The decision of a panel of reviewers on one disputed item (Lab. Code §4610.6(e)): the majority decides, and an
 * even split goes in favour of providing the service, so the item is overturned.
 */
public final class PanelDecision {

    private PanelDecision() {
    }

    /** The panel's decision given each reviewer's; every reviewer must have decided the item. */
    public static Decision of(List<Decision> decisions) {
        if (decisions.isEmpty() || decisions.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Every reviewer of the panel decides every item");
        }
        long upheld = decisions.stream().filter(d -> d == Decision.UPHELD).count();
        return upheld * 2 > decisions.size() ? Decision.UPHELD : Decision.OVERTURNED;
    }

    /** Whether the reviewers differ on the item, so that the letter gives each analysis (§4610.6(f)). */
    public static boolean divided(List<Decision> decisions) {
        return decisions.stream().distinct().count() > 1;
    }
}
