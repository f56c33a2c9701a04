package org.imrflow.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.EndEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.Task;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The process models of {@code bpmn/} as graphs: their XML (for the diagram the pages draw), the names of their
 * elements, and the way between two elements a case was recorded at. The engine passes gateways, events and
 * sequence flows without a job, so nothing records them; {@link Model#between} infers them from the model.
 */
@Component
public class ProcessModels {

    private final Map<String, Model> models = new LinkedHashMap<>();

    ProcessModels() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/bpmn/*.bpmn")) {
                byte[] xml;
                try (InputStream in = resource.getInputStream()) {
                    xml = in.readAllBytes();
                }
                BpmnModelInstance instance = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
                for (Process process : instance.getModelElementsByType(Process.class)) {
                    models.put(process.getId(), new Model(process, xml));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The process models cannot be read", e);
        }
    }

    /** The model of the process with this id (its BPMN process id, {@code imr-case}), if there is one. */
    public Optional<Model> model(String processId) {
        return Optional.ofNullable(models.get(processId));
    }

    /** One process model as a graph of its flow nodes. */
    public static final class Model {

        private final String processId;
        private final byte[] xml;
        private final Map<String, Node> nodes = new LinkedHashMap<>();

        private Model(Process process, byte[] xml) {
            this.processId = process.getId();
            this.xml = xml;
            Collection<FlowElement> all = process.getModelInstance().getModelElementsByType(FlowElement.class);
            for (FlowElement element : all) {
                if (element instanceof FlowNode node && insideOf(node, process)) {
                    nodes.put(node.getId(), new Node(node.getId(), node.getName() == null ? node.getId() : node.getName(),
                            kind(node)));
                }
            }
            for (FlowElement element : all) {
                if (!(element instanceof FlowNode node) || !nodes.containsKey(node.getId())) {
                    continue;
                }
                Node from = nodes.get(node.getId());
                for (SequenceFlow flow : node.getOutgoing()) {
                    from.edges.add(new Edge(flow.getId(), flow.getTarget().getId()));
                }
                if (node instanceof BoundaryEvent boundary) {
                    // an activity can be left by the events attached to it, and so can everything inside a sub-process
                    nodes.get(boundary.getAttachedTo().getId()).edges.add(new Edge(null, boundary.getId()));
                }
                if (node instanceof SubProcess sub && !sub.triggeredByEvent()) {
                    for (FlowElement inner : sub.getFlowElements()) {
                        if (inner instanceof StartEvent start) {
                            from.edges.add(new Edge(null, start.getId()));
                        }
                    }
                }
                if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess sub
                        && !sub.triggeredByEvent()) {
                    for (SequenceFlow flow : sub.getOutgoing()) {
                        from.edges.add(new Edge(flow.getId(), flow.getTarget().getId()));
                    }
                }
            }
            for (FlowElement element : all) {
                if (element instanceof FlowNode node && nodes.containsKey(node.getId())) {
                    for (var parent = node.getParentElement(); parent instanceof SubProcess sub;
                         parent = sub.getParentElement()) {
                        if (node instanceof BoundaryEvent || sub.triggeredByEvent()) {
                            break;
                        }
                        for (Node boundary : nodes.values()) {
                            if (boundary.kind == Kind.BOUNDARY && attachedTo(all, boundary.id, sub.getId())) {
                                nodes.get(node.getId()).edges.add(new Edge(null, boundary.id));
                            }
                        }
                    }
                }
            }
        }

        public String processId() {
            return processId;
        }

        /** The BPMN XML of the file that defines this process. */
        public byte[] xml() {
            return xml.clone();
        }

        public boolean has(String elementId) {
            return nodes.containsKey(elementId);
        }

        /** The element's name as the model gives it ("Review case"), or its id if it has none. */
        public String nameOf(String elementId) {
            Node node = nodes.get(elementId);
            return node == null ? elementId : node.name;
        }

        /** The elements a case can stand at: its tasks, waits and events, in the model's order, with their names. */
        public Map<String, String> names() {
            Map<String, String> names = new LinkedHashMap<>();
            nodes.values().forEach(n -> names.put(n.id, n.name));
            return names;
        }

        /** The process's start event (the top-level none start event), if it has one. */
        public Optional<String> startEvent() {
            return nodes.values().stream().filter(n -> n.kind == Kind.START).map(n -> n.id).findFirst();
        }

        /**
         * The wait the process enters right after {@code elementId} completes without a job in between (a receive
         * task after a single flow): "Await medical records" after the Notice of Assignment is sent.
         */
        public Optional<String> waitAfter(String elementId) {
            Node node = nodes.get(elementId);
            if (node == null || node.edges.stream().filter(e -> e.flowId != null).count() != 1) {
                return Optional.empty();
            }
            Node next = nodes.get(node.edges.stream().filter(e -> e.flowId != null).findFirst().orElseThrow().target);
            return next != null && next.kind == Kind.WAIT ? Optional.of(next.id) : Optional.empty();
        }

        /**
         * The way from {@code from} to {@code to} through elements the engine passes without a job (gateways, events,
         * sub-process boundaries): the flows taken and the elements passed, shortest first. Where no such way exists,
         * any shortest way; none if {@code to} cannot be reached.
         */
        public Optional<Way> between(String from, String to) {
            Optional<Way> passing = search(from, to::equals, n -> !n.kind.recorded());
            return passing.isPresent() ? passing : search(from, to::equals, n -> true);
        }

        /** The way from {@code from} to the nearest end event, through elements passed without a job. */
        public Optional<Way> toEnd(String from) {
            return search(from, id -> nodes.get(id).kind == Kind.END, n -> !n.kind.recorded());
        }

        private Optional<Way> search(String from, Predicate<String> goal, Predicate<Node> passable) {
            if (!nodes.containsKey(from)) {
                return Optional.empty();
            }
            Map<String, Edge> reachedBy = new HashMap<>();
            Map<String, String> previous = new HashMap<>();
            Deque<String> queue = new ArrayDeque<>();
            queue.add(from);
            previous.put(from, null);
            while (!queue.isEmpty()) {
                String current = queue.poll();
                for (Edge edge : nodes.get(current).edges) {
                    if (previous.containsKey(edge.target) || !nodes.containsKey(edge.target)) {
                        continue;
                    }
                    previous.put(edge.target, current);
                    reachedBy.put(edge.target, edge);
                    if (goal.test(edge.target)) {
                        return Optional.of(way(from, edge.target, previous, reachedBy));
                    }
                    if (passable.test(nodes.get(edge.target))) {
                        queue.add(edge.target);
                    }
                }
            }
            return Optional.empty();
        }

        private static Way way(String from, String to, Map<String, String> previous, Map<String, Edge> reachedBy) {
            List<String> flows = new ArrayList<>();
            List<String> passed = new ArrayList<>();
            for (String at = to; !at.equals(from); at = previous.get(at)) {
                Edge edge = reachedBy.get(at);
                if (edge.flowId != null) {
                    flows.addFirst(edge.flowId);
                }
                if (!at.equals(to)) {
                    passed.addFirst(at);
                }
            }
            return new Way(flows, passed, to);
        }

        private static boolean attachedTo(Collection<FlowElement> all, String boundaryId, String activityId) {
            return all.stream().anyMatch(e -> e instanceof BoundaryEvent b && b.getId().equals(boundaryId)
                    && b.getAttachedTo().getId().equals(activityId));
        }

        private static boolean insideOf(FlowNode node, Process process) {
            for (var parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
                if (parent == process) {
                    return true;
                }
            }
            return false;
        }

        private static Kind kind(FlowNode node) {
            if (node instanceof ReceiveTask || node instanceof IntermediateCatchEvent) {
                return Kind.WAIT;
            }
            if (node instanceof Task) {
                return Kind.JOB;
            }
            if (node instanceof BoundaryEvent) {
                return Kind.BOUNDARY;
            }
            if (node instanceof StartEvent && node.getParentElement() instanceof Process) {
                return Kind.START;
            }
            if (node instanceof EndEvent && node.getParentElement() instanceof Process) {
                return Kind.END;
            }
            return Kind.PASSED;
        }
    }

    /** The flows taken and the elements passed on the way to {@code target}, which is not among them. */
    public record Way(List<String> flows, List<String> passed, String target) {}

    private enum Kind {
        /** A task done by a job (a service or user task): recorded when its job is delivered. */
        JOB,
        /** A wait for a message: recorded when the step before it completes. */
        WAIT,
        START, END, BOUNDARY,
        /** Gateways, other events, sub-processes: passed without a job, never recorded. */
        PASSED;

        boolean recorded() {
            return this == JOB || this == WAIT;
        }
    }

    private record Edge(String flowId, String target) {}

    private static final class Node {
        private final String id;
        private final String name;
        private final Kind kind;
        private final List<Edge> edges = new ArrayList<>();

        private Node(String id, String name, Kind kind) {
            this.id = id;
            this.name = name;
            this.kind = kind;
        }
    }
}
