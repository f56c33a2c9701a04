package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.imrflow.load.EmbeddedApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What a personal API token saves over HTTP Basic: {@code GET /api/tasks} as the coordinator, signed in with HTTP
 * Basic (a bcrypt check each request) and with a token (one lookup by its SHA-256), one request at a time and
 * {@code bench.concurrency} at once; p50 and p95 in ms, requests per second, and the CPU the JVM spent per request
 * (the application and this client share it). The application starts embedded as {@code ./mvnw spring-boot:run}
 * would, on free ports and a fresh data folder under target/bench-data, logging warnings only.
 *
 * <p>{@code ./mvnw -o -Pbench verify -Dit.test=ApiAuthenticationBench [-Dbench.requests=400 -Dbench.concurrency=8
 * -Dbench.warmup=50]}; writes {@code target/bench/api-authentication.md}.
 */
class ApiAuthenticationBench {

    private static final Path REPORT = Path.of("target", "bench", "api-authentication.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int requests = Integer.getInteger("bench.requests", 400);
    private final int concurrency = Integer.getInteger("bench.concurrency", 8);
    private final int warmup = Integer.getInteger("bench.warmup", 50);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void basicAgainstBearer() throws Exception {
        try (ConfigurableApplicationContext application = start()) {
            String base = "http://localhost" + ":" + ((WebServerApplicationContext) application).getWebServer().getPort();
            String basic = "Basic " + Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"bench\", \"days\": 1}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            String bearer = "Bearer " + JSON.readTree(issued.body()).get("token").asText();

            List<Row> rows = new ArrayList<>();
            for (String[] way : new String[][] {{"HTTP Basic", basic}, {"API token (Bearer)", bearer}}) {
                run(base, way[1], warmup, 1); // the JIT and the pools warm up; not counted
                rows.add(new Row(way[0], 1, run(base, way[1], requests, 1)));
                rows.add(new Row(way[0], concurrency, run(base, way[1], requests, concurrency)));
            }
            String report = report(rows);
            System.out.println(report);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        }
    }

    /** {@code count} requests, {@code threads} at a time, each thread taking the next until all are sent. */
    private Figures run(String base, String authorization, int count, int threads) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/tasks")).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json").GET().build();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - begin;
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        assertThat(failures.get()).as("requests that did not answer 200").isZero();
        Arrays.sort(nanos);
        return new Figures(count, percentile(nanos, 50), percentile(nanos, 95), count / (elapsed / 1e9),
                cpu / 1e6 / count);
    }

    private String report(List<Row> rows) {
        StringBuilder report = new StringBuilder("# API authentication: HTTP Basic against a personal API token\n\n");
        report.append("`GET /api/tasks` as the coordinator, ").append(requests).append(" requests per row after ")
                .append(warmup).append(" of warm-up; ").append(Runtime.getRuntime().availableProcessors())
                .append(" processor(s), ").append(System.getProperty("os.name")).append(", Java ")
                .append(System.getProperty("java.version")).append("; the client runs in the application's JVM.\n\n");
        report.append("| authentication | concurrent | requests | p50 ms | p95 ms | requests/s | JVM CPU ms per request |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            report.append("| ").append(row.way()).append(" | ").append(row.concurrency()).append(" | ")
                    .append(row.figures().count()).append(" | ").append(ms(row.figures().p50Nanos())).append(" | ")
                    .append(ms(row.figures().p95Nanos())).append(" | ")
                    .append("%.1f".formatted(row.figures().perSecond())).append(" | ")
                    .append("%.1f".formatted(row.figures().cpuMillisPerRequest())).append(" |\n");
        }
        return report.toString();
    }

    private static ConfigurableApplicationContext start() {
        return EmbeddedApplication.start("target/bench-data/" + UUID.randomUUID(), List.of());
    }

    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ms(long nanos) {
        return "%.1f".formatted(nanos / 1e6);
    }

    private record Figures(int count, long p50Nanos, long p95Nanos, double perSecond, double cpuMillisPerRequest) {}

    private record Row(String way, int concurrency, Figures figures) {}
}
