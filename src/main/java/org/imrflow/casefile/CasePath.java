package org.imrflow.casefile;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.imrflow.engine.CaseProcessPaths;
import org.imrflow.web.Dates;

/**
 * A case's path on its process diagram, as the case page and {@code GET /api/cases/{caseNumber}/path} give it:
 * each step with its times (as instants, and as the pages print them, in California) and who completed it, the
 * flows taken, where the case stands and its incidents. {@code recorded} is false for a case older than the record
 * of steps: then only where it stands is known.
 */
public record CasePath(String caseNumber, String processId, boolean recorded, boolean ended, List<Step> steps,
                List<String> takenFlows, List<String> currentElements, List<Incident> incidents) {

    static CasePath of(String caseNumber, CaseProcessPaths.ProcessPath path, UnaryOperator<String> shown, Dates dates) {
        List<Step> steps = path.steps().stream()
                .map(s -> new Step(s.elementId(), s.name(), s.status(), s.enteredAt(), s.leftAt(),
                        dates.time(s.enteredAt()), dates.time(s.leftAt()), shown.apply(s.leftBy()), s.how()))
                .toList();
        List<Incident> incidents = path.incidents().stream()
                .map(i -> new Incident(i.elementId(), i.name(), i.message(), i.open(), i.raisedAt(), i.resolvedAt(),
                        dates.time(i.raisedAt()), dates.time(i.resolvedAt()), shown.apply(i.resolvedBy())))
                .toList();
        return new CasePath(caseNumber, path.processId(), path.recorded(), path.ended(), steps, path.takenFlows(),
                path.currentElements(), incidents);
    }

    /** One element on the path; {@code entered} and {@code left} as the pages print times, empty when unknown. */
    public record Step(String elementId, String name, CaseProcessPaths.Status status, Instant enteredAt, Instant leftAt,
                String entered, String left, String leftBy, CaseProcessPaths.How how) {}

    /** An incident of a step: its message names the technical fault, never the case's content. */
    public record Incident(String elementId, String name, String message, boolean open, Instant raisedAt, Instant resolvedAt,
                    String raised, String resolved, String resolvedBy) {}
}
