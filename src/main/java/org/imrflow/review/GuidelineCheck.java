package org.imrflow.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a submitted review against the reviewer form rules: every item has a decision, a guideline
 * citation and a rationale, and an item decided on a non-MTUS guideline says why the MTUS does not apply
 * (LC 4610.5(c)(2): a lower standard only where every higher one is inapplicable).
 */
final class GuidelineCheck {

    private GuidelineCheck() {
    }

    static List<String> findings(String clinicalCaseSummary, List<ItemReview> items) {
        List<String> findings = new ArrayList<>();
        if (blank(clinicalCaseSummary)) {
            findings.add("The clinical case summary is missing.");
        }
        int n = 0;
        for (ItemReview item : items) {
            String name = "Item " + (++n) + " (" + item.description() + ")";
            if (item.decision() == null) {
                findings.add(name + ": no decision.");
            }
            if (blank(item.guidelineCitation())) {
                findings.add(name + ": the decision cites no guideline.");
            } else if (blank(item.guidelineSource())) {
                findings.add(name + ": say whether the guideline cited is the MTUS or another guideline.");
            }
            if (ItemReview.NON_MTUS.equals(item.guidelineSource()) && blank(item.mtusInapplicableReason())) {
                findings.add(name + ": cites a non-MTUS guideline without saying why the MTUS does not apply.");
            }
            if (blank(item.decisionRationale())) {
                findings.add(name + ": there is no decision rationale.");
            }
        }
        return findings;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
