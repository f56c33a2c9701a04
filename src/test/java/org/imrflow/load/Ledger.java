package org.imrflow.load;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the application acknowledged to the simulated users: every case whose intake answered 201 and every task
 * completion that answered 200. The checks after the run look for each of them.
 */
final class Ledger {

    /** A case the application acknowledged receiving. */
    record Intake(String caseNumber, String coordinator, String employeeLastName, Instant at) {}

    /** A task completion the application acknowledged. */
    record Completion(long taskId, String caseNumber, String elementId, String username, Instant at) {}

    private final Map<String, Intake> intakes = new ConcurrentHashMap<>();
    private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    private final Set<String> recordsMarked = ConcurrentHashMap.newKeySet();

    /** Users stop entering applications when this is false; they keep working their tasks. */
    volatile boolean intakeOpen = true;
    /** Users stop altogether when this is false. */
    volatile boolean running = true;

    void received(Intake intake) {
        intakes.put(intake.caseNumber(), intake);
    }

    void completed(Completion completion) {
        completions.add(completion);
    }

    /** A coordinator's marking of the case's record set complete was acknowledged. */
    void markedRecords(String caseNumber) {
        recordsMarked.add(caseNumber);
    }

    boolean recordsMarked(String caseNumber) {
        return recordsMarked.contains(caseNumber);
    }

    /** The cases whose quality review was approved: their letter is being issued or was. */
    Set<String> approved() {
        Set<String> approved = new TreeSet<>();
        completions.forEach(c -> {
            if (SimulatedUser.QUALITY_REVIEW.equals(c.elementId())) {
                approved.add(c.caseNumber());
            }
        });
        return approved;
    }

    /** Where the cases stand, as the acknowledgments tell: how many passed each step. */
    String pipeline() {
        Map<String, Integer> perElement = new HashMap<>();
        completions.forEach(c -> perElement.merge(c.elementId(), 1, Integer::sum));
        return "received %d, records marked complete %d, reviewer assigned %d, accepted %d, reviewed %d, approved %d"
                .formatted(intakes.size(), recordsMarked.size(), perElement.getOrDefault(SimulatedUser.ASSIGN_REVIEWER, 0),
                        perElement.getOrDefault(SimulatedUser.ACCEPT_ASSIGNMENT, 0),
                        perElement.getOrDefault(SimulatedUser.REVIEW_CASE, 0),
                        perElement.getOrDefault(SimulatedUser.QUALITY_REVIEW, 0));
    }

    List<Intake> intakes() {
        return intakes.values().stream().sorted((a, b) -> a.caseNumber().compareTo(b.caseNumber())).toList();
    }

    List<Completion> completions() {
        return List.copyOf(completions);
    }

    /** A case acknowledged so far, at random, or null when there is none yet. */
    Intake anyCase(java.util.random.RandomGenerator random) {
        List<Intake> all = List.copyOf(intakes.values());
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }
}
