package org.imrflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.imrflow.assignment.CaseReviewers;
import org.imrflow.engine.CaseProcess;
import org.imrflow.engine.CaseProcessPaths;
import org.imrflow.engine.CaseRef;
import org.imrflow.engine.ProcessModels;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.web.Dates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's path on its process diagram, and the map of where the open cases stand. The path is shown to whoever may
 * see the case (a reviewer only their own cases), with reviewers' logins as the case page shows them; the map only
 * to the organization's staff who see every case, since it counts them all.
 */
@Service
@Transactional(readOnly = true)
class CasePaths {

    private final CaseFiles cases;
    private final CaseProcessPaths paths;
    private final ProcessModels models;
    private final CaseReviewers reviewers;
    private final Dates dates;

    CasePaths(CaseFiles cases, CaseProcessPaths paths, ProcessModels models, CaseReviewers reviewers, Dates dates) {
        this.cases = cases;
        this.paths = paths;
        this.models = models;
        this.reviewers = reviewers;
        this.dates = dates;
    }

    CasePath path(String caseNumber, Actor actor) {
        CaseRef ref = cases.reference(caseNumber, actor);
        UnaryOperator<String> shown = reviewers.shownTo(ref.caseId(), actor);
        return CasePath.of(ref.caseNumber(), paths.of(ref), shown, dates);
    }

    ProcessMap map(Actor actor) {
        if (!actor.seesAllCases()) {
            throw new AccessDeniedException("The process map counts every open case: it is for the organization's staff.");
        }
        ProcessModels.Model model = models.model(CaseProcess.PROCESS_ID).orElseThrow();
        Map<String, Long> counts = paths.openCasesByElement();
        List<ProcessMap.Row> rows = counts.entrySet().stream()
                .map(e -> new ProcessMap.Row(e.getKey(), model.nameOf(e.getKey()), e.getValue()))
                .toList();
        return new ProcessMap(CaseProcess.PROCESS_ID, rows);
    }

    /** The XML of a process model, for the diagram the pages draw; a process that does not exist is a 404. */
    byte[] model(String processId) {
        return models.model(processId).map(ProcessModels.Model::xml)
                .orElseThrow(() -> new org.imrflow.NotFoundException("No process model " + processId + "."));
    }
}
