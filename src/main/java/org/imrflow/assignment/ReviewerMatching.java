package org.imrflow.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.DisputedItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks the registry's reviewers for a case: active, meeting the practice standards, with a specialty that
 * fits at least one disputed item, without an affiliation with any party of the case, and not having
 * declined the case. Best fit first, then the lightest workload.
 */
@Service
public class ReviewerMatching {

    private final ReviewerRegistry registry;
    private final ReviewerAssignments assignments;
    private final CaseFiles cases;

    ReviewerMatching(ReviewerRegistry registry, ReviewerAssignments assignments, CaseFiles cases) {
        this.registry = registry;
        this.assignments = assignments;
        this.cases = cases;
    }

    @Transactional(readOnly = true)
    public List<Candidate> rank(long caseId) {
        List<DisputedItem> items = cases.items(caseId);
        Set<String> parties = cases.partyNames(caseId).stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<Long> declined = assignments.declinedReviewerIds(caseId);
        return registry.active().stream()
                .filter(Reviewer::meetsPracticeStandards)
                .filter(r -> !declined.contains(r.id()))
                .filter(r -> registry.affiliations(r.id()).stream().noneMatch(parties::contains))
                .map(r -> new Candidate(r, (int) items.stream()
                        .filter(i -> SpecialtyMatching.fits(r.specialties(), i.treatmentCategory())).count(),
                        assignments.openAssignments(r.id())))
                .filter(c -> c.fittingItems() > 0)
                .sorted(Comparator.comparingInt(Candidate::fittingItems).reversed()
                        .thenComparingLong(Candidate::workload)
                        .thenComparing(c -> c.reviewer().fullName()))
                .toList();
    }

    /** A reviewer who may take the case, with how many of its items their specialty fits. */
    public record Candidate(Reviewer reviewer, int fittingItems, long workload) {

        /** The option a coordinator picks from. Reviewer names are shown to the organization's staff only. */
        public String label() {
            return "%s (%s; %s) fits %d item(s), %d open case(s)".formatted(reviewer.fullName(),
                    String.join(", ", reviewer.specialties()), String.join(", ", reviewer.licenseStates()),
                    fittingItems, workload);
        }
    }
}
