package org.imrflow.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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
