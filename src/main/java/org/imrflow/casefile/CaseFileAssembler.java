package org.imrflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.Letters;
import org.imrflow.determination.DeterminationManagement;
import org.imrflow.eligibility.EligibilityScreening;
import org.imrflow.engine.CaseIncidents;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.ItemReview;
import org.imrflow.security.Actor;
import org.imrflow.tasks.TaskInbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Assembles a case's file for an actor who may see it; opening it is audited. */
@Component
class CaseFileAssembler {

    private final CaseFiles cases;
    private final EligibilityScreening eligibility;
    private final ClinicalReviews reviews;
    private final DeterminationManagement determinations;
    private final Letters letters;
    private final TaskInbox tasks;
    private final CaseIncidents incidents;
    private final AuditLog audit;

    CaseFileAssembler(CaseFiles cases, EligibilityScreening eligibility, ClinicalReviews reviews,
                      DeterminationManagement determinations, Letters letters, TaskInbox tasks,
                      CaseIncidents incidents, AuditLog audit) {
        this.cases = cases;
        this.eligibility = eligibility;
        this.reviews = reviews;
        this.determinations = determinations;
        this.letters = letters;
        this.tasks = tasks;
        this.incidents = incidents;
        this.audit = audit;
    }

    @Transactional
    CaseFile open(String caseNumber, Actor actor) {
        CaseSummary summary = cases.open(caseNumber, actor);
        long id = summary.id();
        Map<Long, ItemReview> decided = reviews.itemReviews(id).stream()
                .collect(Collectors.toMap(ItemReview::itemId, Function.identity()));
        List<CaseFile.Item> items = cases.items(id).stream()
                .map(i -> CaseFile.Item.of(i, decided.get(i.id())))
                .toList();
        return new CaseFile(summary, items, cases.documents(id), eligibility.latest(id).orElse(null),
                reviews.clinicalCaseSummary(id), reviews.returns(id), determinations.find(id).orElse(null),
                letters.forCase(id), tasks.ofCase(id), incidents.openFor(id), audit.historyOf(caseNumber));
    }
}
