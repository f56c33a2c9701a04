package org.imrflow.review;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.correspondence.GuidelineBasis;

/**
 * Checks a submitted review is complete: a clinical case summary, and for every item a decision, the basis of
 * the decision with the citations it needs, and a rationale. What does not fit together (a citation with "no
 * evidence", a non-MTUS basis without the reason the MTUS does not apply) is refused at submission.
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
            if (item.guidelineBasis() == null) {
                findings.add(name + ": say what the decision is based on: the MTUS, another guideline, both, or no evidence.");
            } else {
                GuidelineBasis.problems(item.guidelineBasis(), item.mtusCitation(), item.nonMtusCitation())
                        .values().forEach(problem -> findings.add(name + ": " + problem));
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
