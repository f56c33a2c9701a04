package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Party;
import org.imrflow.intake.TreatmentCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens the panel for a case (domain.md §4.3-4.5). A reviewer is offered the case only when, on the assignment
 * date, they hold a valid license, no sanction is in force, they meet the practice standards the letter attests,
 * are not on leave and under their capacity, fit every disputed item through the specialty table, are affiliated
 * with none of the case's parties, and have not declined or been withdrawn from it. Every other active reviewer is
 * listed with the reasons, for the coordinator. The lightest load first.
 */
@Service
public class ReviewerMatching {

    private final ReviewerRegistry registry;
    private final ReviewerAssignments assignments;
    private final SpecialtyTable specialties;
    private final CaseFiles cases;
    private final BusinessTime time;

    ReviewerMatching(ReviewerRegistry registry, ReviewerAssignments assignments, SpecialtyTable specialties,
                     CaseFiles cases, BusinessTime time) {
        this.registry = registry;
        this.assignments = assignments;
        this.specialties = specialties;
        this.cases = cases;
        this.time = time;
    }

    /** The reviewers who may take the case, the lightest load first. */
    @Transactional(readOnly = true)
    public List<Candidate> rank(long caseId) {
        return screen(caseId).candidates();
    }

    @Transactional(readOnly = true)
    public Screening screen(long caseId) {
        List<DisputedItem> items = cases.items(caseId);
        Map<TreatmentCategory, Set<String>> fitting = new EnumMap<>(TreatmentCategory.class);
        for (DisputedItem item : items) {
            fitting.computeIfAbsent(item.treatmentCategory(), specialties::fitting);
        }
        CaseToScreen toScreen = new CaseToScreen(items, fitting, cases.parties(caseId),
                Set.copyOf(assignments.declinedReviewerIds(caseId)), Set.copyOf(assignments.withdrawnReviewerIds(caseId)),
                assignments.currentReviewerIds(caseId));
        return screen(toScreen, registry.activeProfiles(), assignments.openAssignmentsByReviewer(), time.today());
    }

    /** The screening rules applied to a case, the active panel and its open assignments on a day. */
    static Screening screen(CaseToScreen toScreen, List<ReviewerProfile> panel, Map<Long, Long> workload,
                            LocalDate today) {
        List<Candidate> candidates = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (ReviewerProfile profile : panel) {
            long load = workload.getOrDefault(profile.reviewer().id(), 0L);
            List<String> reasons = reasons(toScreen, profile, load, today);
            if (reasons.isEmpty()) {
                candidates.add(new Candidate(profile.reviewer(), load));
            } else {
                excluded.add(new Exclusion(profile.reviewer(), reasons));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::loadShare).thenComparingLong(Candidate::workload)
                .thenComparing(c -> c.reviewer().fullName()));
        return new Screening(List.copyOf(candidates), List.copyOf(excluded));
    }

    private static List<String> reasons(CaseToScreen toScreen, ReviewerProfile profile, long load, LocalDate today) {
        Reviewer reviewer = profile.reviewer();
        List<String> reasons = new ArrayList<>();
        if (reviewer.licenses().stream().noneMatch(license -> license.validOn(today))) {
            reasons.add("no license active and unexpired on " + today);
        }
        profile.sanctions().stream().filter(s -> s.inForceOn(today)).findFirst()
                .ifPresent(s -> reasons.add("a sanction in force since " + s.imposedOn()));
        if (!reviewer.meetsPracticeStandards()) {
            reasons.add("does not meet the practice standards (more than 5 years in practice, 24 hours a week)");
        }
        profile.leaves().stream().filter(l -> l.covers(today)).findFirst()
                .ifPresent(l -> reasons.add("on leave until " + l.endsOn()));
        if (load >= reviewer.capacity()) {
            reasons.add("at capacity: " + load + " open case(s) of " + reviewer.capacity());
        }
        List<String> unfit = toScreen.items().stream()
                .filter(item -> reviewer.specialties().stream()
                        .noneMatch(toScreen.fitting().getOrDefault(item.treatmentCategory(), Set.of())::contains))
                .map(DisputedItem::title).toList();
        if (!unfit.isEmpty()) {
            reasons.add("no specialty fits " + String.join("; ", unfit));
        }
        for (Affiliation affiliation : profile.affiliations()) {
            toScreen.parties().stream().filter(party -> sameParty(party, affiliation)).findFirst()
                    .ifPresent(party -> reasons.add("conflict of interest: " + lower(affiliation.kind().label())
                            + " \"" + affiliation.name() + "\"" + (affiliation.npi() == null ? "" : " (NPI "
                            + affiliation.npi() + ")") + " is the " + lower(party.role().label()) + " \""
                            + party.name() + "\""));
        }
        if (toScreen.declined().contains(reviewer.id())) {
            reasons.add("declined the case");
        }
        if (toScreen.withdrawn().contains(reviewer.id())) {
            reasons.add("was withdrawn from the case");
        }
        if (toScreen.current().contains(reviewer.id())) {
            reasons.add("already on the case's panel");
        }
        return reasons;
    }

    /** The same party by name, or by National Provider Identifier where both are known. */
    private static boolean sameParty(Party party, Affiliation affiliation) {
        return PartyNames.same(party.name(), affiliation.name())
                || (party.npi() != null && party.npi().equals(affiliation.npi()));
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    /**
     * What screening needs of a case: its disputed items, the specialties that fit each item's category, its
     * parties, the reviewers who declined it or were withdrawn from it, and those it is offered to or accepted by now
     * (a panel's other seats).
     */
    record CaseToScreen(List<DisputedItem> items, Map<TreatmentCategory, Set<String>> fitting, List<Party> parties,
                        Set<Long> declined, Set<Long> withdrawn, Set<Long> current) {

        /** A case offered to nobody now. */
        CaseToScreen(List<DisputedItem> items, Map<TreatmentCategory, Set<String>> fitting, List<Party> parties,
                     Set<Long> declined, Set<Long> withdrawn) {
            this(items, fitting, parties, declined, withdrawn, Set.of());
        }
    }

    /** The case's screening: who may take it, and who may not and why. */
    public record Screening(List<Candidate> candidates, List<Exclusion> excluded) {

        /** The exclusions one per line, for the coordinator: "Dr. A: on leave until 2026-12-04; declined the case". */
        public String excludedText() {
            return String.join("\n", excluded.stream()
                    .map(e -> e.reviewer().fullName() + ": " + String.join("; ", e.reasons())).toList());
        }
    }

    /** A reviewer who may take the case, with the open cases they hold. */
    public record Candidate(Reviewer reviewer, long workload) {

        double loadShare() {
            return reviewer.capacity() == 0 ? 1 : (double) workload / reviewer.capacity();
        }

        /** The option a coordinator picks from. Reviewer names are shown to the organization's staff only. */
        public String label() {
            return "%s (%s; %s), %d of %d open case(s)".formatted(reviewer.fullName(),
                    String.join(", ", reviewer.specialties()), String.join(", ", reviewer.licenseStates()),
                    workload, reviewer.capacity());
        }
    }

    /** A reviewer not offered the case, and every reason why. */
    public record Exclusion(Reviewer reviewer, List<String> reasons) {}
}
