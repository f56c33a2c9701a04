package org.imrflow.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way a case's own process went, for its diagram: the elements it was recorded at ({@link CaseProcessSteps}),
 * with when it entered and left each and who completed it, the gateways, events and flows between them inferred
 * from the model, where it stands now, and its incidents. A case older than the step log (V18) shows where the
 * ledger says it stands, and nothing before. The caller has checked that its actor may see the case.
 */
@Service
@Transactional(readOnly = true)
public class CaseProcessPaths {

    private final JdbcClient jdbc;
    private final CaseProcessSteps steps;
    private final CaseIncidents incidents;
    private final ProcessModels models;

    CaseProcessPaths(JdbcClient jdbc, CaseProcessSteps steps, CaseIncidents incidents, ProcessModels models) {
        this.jdbc = jdbc;
        this.steps = steps;
        this.incidents = incidents;
        this.models = models;
    }

    /** The path of the case's own process ({@code imr-case}). */
    public ProcessPath of(CaseRef ref) {
        String track = CaseProcess.CASE_TRACK;
        Optional<Standing> standing = standing(ref.caseId(), track);
        List<CaseProcessSteps.Step> recorded = steps.of(ref.caseId(), track);
        String processId = standing.map(Standing::processId)
                .or(() -> recorded.stream().map(CaseProcessSteps.Step::processId).findFirst())
                .orElse(CaseProcess.PROCESS_ID);
        ProcessModels.Model model = models.model(processId)
                .orElseThrow(() -> new IllegalStateException("No process model " + processId));
        boolean ended = standing.map(s -> s.endedAt() != null).orElse(false);

        PathBuilder path = new PathBuilder(model);
        for (CaseProcessSteps.Step step : recorded) {
            switch (step.event()) {
                case STARTED -> path.started(step.occurredAt());
                case ENTERED -> path.entered(step.elementId(), step.occurredAt());
                case COMPLETED, MESSAGE, LEFT -> path.left(step.elementId(), step.occurredAt(), step.actor(),
                        How.valueOf(step.event().name()));
            }
        }
        List<String> current = new ArrayList<>();
        if (ended) {
            path.ended(standing.get().endedAt());
        } else {
            path.open().ifPresent(current::add);
            if (recorded.isEmpty()) {
                // a case older than the step log: the ledger still says where it is
                standing.flatMap(s -> s.standsAt(model)).ifPresent(e -> {
                    current.add(e);
                    path.standsAt(e);
                });
            }
        }
        List<PathIncident> raised = incidents.historyOf(ref.caseId(), track).stream()
                .map(i -> new PathIncident(i.id(), i.elementId(), model.nameOf(i.elementId()), i.message(),
                        i.raisedAt(), i.resolvedAt(), i.resolvedBy()))
                .toList();
        return new ProcessPath(processId, !recorded.isEmpty(), ended, path.steps(), List.copyOf(path.flows),
                current, raised);
    }

    /**
     * How many open cases stand at each element of the case process now, from the ledger (so also the cases older
     * than the step log): a task whose job was delivered, the wait after a completed step, the start event while the
     * process is being started. Elements no case stands at are left out.
     */
    public Map<String, Long> openCasesByElement() {
        ProcessModels.Model model = models.model(CaseProcess.PROCESS_ID).orElseThrow();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select process_id, element_id, element_state, ended_at from case_process
                where track = :track and process_id = :process and ended_at is null""")
                .param("track", CaseProcess.CASE_TRACK).param("process", CaseProcess.PROCESS_ID)
                .query(CaseProcessPaths::standing).list()
                .forEach(s -> s.standsAt(model).ifPresent(e -> counts.merge(e, 1L, Long::sum)));
        Map<String, Long> ordered = new LinkedHashMap<>();
        model.names().keySet().stream().filter(counts::containsKey).forEach(e -> ordered.put(e, counts.get(e)));
        return ordered;
    }

    private Optional<Standing> standing(long caseId, String track) {
        return jdbc.sql("""
                select process_id, element_id, element_state, ended_at from case_process
                where case_id = :case and track = :track""")
                .param("case", caseId).param("track", track)
                .query(CaseProcessPaths::standing).optional();
    }

    private static Standing standing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Standing(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant());
    }

    /** Where the ledger says a track stands. */
    private record Standing(String processId, String elementId, String state, Instant endedAt) {

        Optional<String> standsAt(ProcessModels.Model model) {
            if (elementId == null || "STARTING".equals(state)) {
                return model.startEvent();
            }
            if ("DONE".equals(state)) {
                return model.waitAfter(elementId).or(() -> Optional.of(elementId));
            }
            return Optional.of(elementId);
        }
    }

    /** Puts the recorded steps in order, with what the model says lies between them. */
    private static final class PathBuilder {

        private final ProcessModels.Model model;
        private final List<MutableStep> steps = new ArrayList<>();
        private final Set<String> flows = new LinkedHashSet<>();
        private String last;
        private MutableStep open;

        PathBuilder(ProcessModels.Model model) {
            this.model = model;
        }

        void started(Instant at) {
            leaveOpen(at, How.LEFT);
            Optional<String> start = model.startEvent();
            start.ifPresent(s -> steps.add(new MutableStep(s, Status.INFERRED, null)));
            last = start.orElse(null);
        }

        void entered(String elementId, Instant at) {
            if (open != null && open.elementId.equals(elementId)) {
                return;
            }
            leaveOpen(at, How.LEFT);
            connect(elementId);
            open = new MutableStep(elementId, Status.CURRENT, at);
            steps.add(open);
        }

        void left(String elementId, Instant at, String actor, How how) {
            if (open == null || !open.elementId.equals(elementId)) {
                leaveOpen(at, How.LEFT);
                // recorded before the step log knew its entry (a case older than V18)
                connect(elementId);
                open = new MutableStep(elementId, Status.CURRENT, null);
                steps.add(open);
            }
            open.leave(at, actor, how);
            last = elementId;
            open = null;
        }

        void ended(Instant at) {
            if (open != null) {
                leaveOpen(at, How.ENDED);
            } else if (last != null) {
                model.toEnd(last).ifPresent(way -> {
                    follow(way);
                    steps.add(new MutableStep(way.target(), Status.INFERRED, null));
                });
            }
        }

        /** Where the case stands when nothing before it is known. */
        void standsAt(String elementId) {
            steps.add(new MutableStep(elementId, Status.CURRENT, null));
        }

        Optional<String> open() {
            return Optional.ofNullable(open).map(s -> s.elementId);
        }

        List<Step> steps() {
            return steps.stream().map(MutableStep::freeze).toList();
        }

        private void leaveOpen(Instant at, How how) {
            if (open != null) {
                open.leave(at, null, how);
                last = open.elementId;
                open = null;
            }
        }

        private void connect(String elementId) {
            if (last != null) {
                model.between(last, elementId).ifPresent(this::follow);
            }
        }

        private void follow(ProcessModels.Way way) {
            flows.addAll(way.flows());
            way.passed().forEach(p -> steps.add(new MutableStep(p, Status.INFERRED, null)));
        }

        private final class MutableStep {
            private final String elementId;
            private Status status;
            private final Instant enteredAt;
            private Instant leftAt;
            private String leftBy;
            private How how;

            MutableStep(String elementId, Status status, Instant enteredAt) {
                this.elementId = elementId;
                this.status = status;
                this.enteredAt = enteredAt;
            }

            void leave(Instant at, String actor, How how) {
                this.status = Status.PASSED;
                this.leftAt = at;
                this.leftBy = actor;
                this.how = how;
            }

            Step freeze() {
                return new Step(elementId, model.nameOf(elementId), status, enteredAt, leftAt, leftBy, how);
            }
        }
    }

    /** The path of a case's process; {@code recorded} is false for a case older than the step log. */
    public record ProcessPath(String processId, boolean recorded, boolean ended, List<Step> steps,
                              List<String> takenFlows, List<String> currentElements, List<PathIncident> incidents) {}

    /**
     * An element on the path: recorded and left ({@code PASSED}), passed without a job and inferred from the model
     * ({@code INFERRED}, no times), or where the case is ({@code CURRENT}). {@code leftBy} is who completed it.
     */
    public record Step(String elementId, String name, Status status, Instant enteredAt, Instant leftAt,
                       String leftBy, How how) {

        public Step withLeftBy(String shown) {
            return new Step(elementId, name, status, enteredAt, leftAt, shown, how);
        }
    }

    public enum Status { PASSED, INFERRED, CURRENT }

    /**
     * How a step was left: its job or task completed, a message ended its wait, it was left without completing (a
     * timer, a withdrawn reviewer), or the process ended while the case stood there.
     */
    public enum How { COMPLETED, MESSAGE, LEFT, ENDED }

    /** An incident of a step: raised, and resolved (when, by whom) or still open. */
    public record PathIncident(long id, String elementId, String name, String message, Instant raisedAt,
                               Instant resolvedAt, String resolvedBy) {

        public boolean open() {
            return resolvedAt == null;
        }

        public PathIncident withResolvedBy(String shown) {
            return new PathIncident(id, elementId, name, message, raisedAt, resolvedAt, shown);
        }
    }
}
