package org.imrflow.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times and outcomes per named action. A status among those expected is a success, except 409, which is
 * counted as a conflict (another user was first: a claim race); 5xx, any other status and exceptions (status -1)
 * are errors, the first ones kept as samples.
 */
public final class Metrics {

    private static final int SAMPLES = 30;

    private final Map<String, Action> actions = new ConcurrentHashMap<>();
    private final List<String> errorSamples = new ArrayList<>();
    private final AtomicLong serverErrors = new AtomicLong();

    void record(String action, long millis, int status, int[] expected, String request, String body) {
        Action stats = actions.computeIfAbsent(action, a -> new Action());
        boolean fine = Arrays.stream(expected).anyMatch(s -> s == status);
        synchronized (stats) {
            stats.millis.add(millis);
            if (fine && status == 409) {
                stats.conflicts++;
            } else if (!fine) {
                stats.errors++;
                if (status >= 500) {
                    stats.serverErrors++;
                    serverErrors.incrementAndGet();
                }
            }
        }
        if (!fine) {
            synchronized (errorSamples) {
                if (errorSamples.size() < SAMPLES) {
                    String text = body == null ? "" : body.replaceAll("\\s+", " ");
                    errorSamples.add(action + ": " + status + " " + request + " "
                            + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
                }
            }
        }
    }

    public long serverErrors() {
        return serverErrors.get();
    }

    public List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }

    /** Every action's figures, by name. */
    public Map<String, Figures> figures() {
        Map<String, Figures> figures = new TreeMap<>();
        actions.forEach((name, stats) -> {
            synchronized (stats) {
                long[] sorted = stats.millis.stream().mapToLong(Long::longValue).sorted().toArray();
                figures.put(name, new Figures(sorted.length, stats.errors, stats.serverErrors, stats.conflicts,
                        percentile(sorted, 50), percentile(sorted, 95), sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            }
        });
        return figures;
    }

    /** All requests together. */
    public Figures total() {
        List<Long> all = new ArrayList<>();
        long errors = 0;
        long server = 0;
        long conflicts = 0;
        for (Action stats : actions.values()) {
            synchronized (stats) {
                all.addAll(stats.millis);
                errors += stats.errors;
                server += stats.serverErrors;
                conflicts += stats.conflicts;
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Figures(sorted.length, errors, server, conflicts, percentile(sorted, 50), percentile(sorted, 95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** An action's count, errors (of which 5xx), conflicts (409 expected) and response times in milliseconds. */
    public record Figures(long count, long errors, long serverErrors, long conflicts, long p50, long p95, long max) {}

    private static final class Action {
        final List<Long> millis = new ArrayList<>();
        long errors;
        long serverErrors;
        long conflicts;
    }
}
