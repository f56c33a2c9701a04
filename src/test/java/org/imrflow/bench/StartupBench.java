package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.imrflow.load.Cases;
import org.imrflow.load.EmbeddedApplication;
import org.imrflow.load.LoadClient;
import org.imrflow.load.Metrics;
import org.imrflow.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up with many open cases (issue 10, item 1d): how long until the application is live (the sign-in page
 * answers 200), ready (the readiness probe is UP), and every open case's processes are rebuilt in the engine
 * (the start returns: the rebuild runs before the application is ready), for each count of {@code bench.openCases}
 * (default {@code 0,3000,15000}).
 *
 * <p>Creating thousands of cases through the API would take hours: {@code bench.templates} real cases (default 3)
 * are received through the API and left waiting for their records (the case's process at "Await medical records",
 * its statutory clocks running, timers days ahead), then their rows in {@code imr_case} and {@code case_process}
 * (what the rebuild reads) are cloned with SQL, each clone with a case number of its own written into its process
 * variables. The clones have no parties, items or letters: they are enough for the engine's rebuild and the case
 * list, not for working them. Each count is a restart of the application in this JVM on the same data folder.
 */
class StartupBench {

    static final String NAME = "startup";

    private final List<Integer> counts = BenchReports.integers("bench.openCases", "0,3000,15000");
    private final int templates = Integer.getInteger("bench.templates", 3);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void liveAndReadyWithManyOpenCases() throws Exception {
        String dataDir = "target/bench-data/startup-" + UUID.randomUUID();
        StringBuilder table = new StringBuilder("""
                ## Start-up with open cases

                Each row is a restart of the application (in the bench's JVM) on the same data; the open cases are \
                %d real ones cloned with SQL (see StartupBench).

                | open cases | open processes | live (sign-in page 200) s | ready (readiness UP) s | all rebuilt (start returned) s | heap after GC MB |
                |---:|---:|---:|---:|---:|---:|
                """.formatted(templates));
        List<String> templateNumbers = new ArrayList<>();
        int cloned = 0;
        for (int count : counts) {
            if (count > 0 && templateNumbers.isEmpty()) {
                try (ConfigurableApplicationContext app = EmbeddedApplication.start(dataDir, List.of())) {
                    templateNumbers.addAll(receiveTemplates(EmbeddedApplication.baseUrl(app)));
                }
                cloned = templateNumbers.size();
            }
            if (count > cloned) {
                try (ConfigurableApplicationContext app = EmbeddedApplication.start(dataDir, List.of())) {
                    clone(app.getBean(JdbcClient.class), templateNumbers, cloned, count - cloned);
                }
                cloned = count;
            }
            table.append(measure(dataDir, count));
        }
        BenchReports.write(NAME, table.toString());
    }

    /** Real cases through the API, left waiting for their records: their process waits, their clocks run. */
    private List<String> receiveTemplates(String baseUrl) throws InterruptedException {
        LoadClient coordinator = new LoadClient(baseUrl, "coordinator", "demo", new Metrics());
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < templates; i++) {
            LoadClient.Reply reply = coordinator.post("intake", "/api/cases",
                    Cases.application(ThreadLocalRandom.current(), Cases.lastName(ThreadLocalRandom.current())), 201);
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            String caseNumber = reply.json().path("caseNumber").asText();
            for (int wait = 0; !"RECORDS".equals(coordinator.get("file", "/api/cases/" + caseNumber, 200).json()
                    .path("summary").path("stage").asText()); wait++) {
                assertThat(wait).as(caseNumber + " never reached RECORDS").isLessThan(600);
                Thread.sleep(100);
            }
            numbers.add(caseNumber);
        }
        // the Notice of Assignment's clocks are started by the same steps: let the engine settle
        Thread.sleep(2000);
        return numbers;
    }

    /** {@code count} clones of the templates, in turn, numbered from {@code from}. */
    private static void clone(JdbcClient jdbc, List<String> templateNumbers, int from, int count) {
        List<String> columns = jdbc.sql("""
                select column_name from information_schema.columns
                where table_name = 'imr_case' and column_name not in ('id', 'case_number') order by ordinal_position""")
                .query(String.class).list();
        String list = String.join(", ", columns);
        String prefixed = String.join(", ", columns.stream().map(c -> "t." + c).toList());
        long started = System.nanoTime();
        for (int i = 0; i < templateNumbers.size(); i++) {
            String template = templateNumbers.get(i);
            // clone g (from..from+count-1) is of template g mod templates
            String numbers = "select g, 'BN-' || lpad(g::text, 8, '0') as number from generate_series(:from, :to) g "
                    + "where g % :n = :i";
            jdbc.sql("insert into imr_case (case_number, " + list + ") select s.number, " + prefixed
                            + " from imr_case t, (" + numbers + ") s where t.case_number = :template")
                    .param("from", from).param("to", from + count - 1).param("n", templateNumbers.size()).param("i", i)
                    .param("template", template).update();
            jdbc.sql("""
                    insert into case_process (case_id, case_number, track, process_id, element_id, element_state, result,
                                              variables, message_name, message_key, ended_at, updated_at)
                    select c.id, c.case_number, p.track, p.process_id, p.element_id, p.element_state, p.result,
                           cast(replace(p.variables::text, :template, c.case_number) as jsonb), p.message_name,
                           replace(p.message_key, :template, c.case_number), p.ended_at, now()
                    from case_process p
                    join imr_case c on c.case_number in (select number from (%s) s)
                    where p.case_number = :template""".formatted(numbers))
                    .param("from", from).param("to", from + count - 1).param("n", templateNumbers.size()).param("i", i)
                    .param("template", template).update();
        }
        BenchReports.log("cloned %d open cases in %d ms", count, (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts the application on the data, timing live, ready and the start's return; then closes it. */
    private String measure(String dataDir, int count) throws Exception {
        int port = ApplicationIT.freePort();
        long start = System.nanoTime();
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                EmbeddedApplication.start(dataDir, List.of("--server.port=" + port)));
        double live = -1;
        double ready = -1;
        while (ready < 0) {
            if (live < 0 && status("http://localhost:" + port + "/login") == 200) {
                live = seconds(start);
            }
            if (status("http://localhost:" + port + "/actuator/health/readiness") == 200) {
                ready = seconds(start);
            }
            if (starting.isCompletedExceptionally()) {
                starting.join();
            }
            Thread.sleep(100);
        }
        try (ConfigurableApplicationContext app = starting.join()) {
            double returned = seconds(start);
            int processes = app.getBean(JdbcClient.class)
                    .sql("select count(*) from case_process where ended_at is null").query(Integer.class).single();
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            BenchReports.log("%d open cases (%d processes): live %.1f s, ready %.1f s, start returned %.1f s", count,
                    processes, live, ready, returned);
            return String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %d |%n", count, processes, live, ready,
                    returned, heap);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
