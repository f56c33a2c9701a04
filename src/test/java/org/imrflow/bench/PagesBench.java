package org.imrflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.imrflow.load.EmbeddedApplication;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The pages on a year of data (issue 10, items 1c and 3): starts the whole application embedded on the data of
 * {@link YearOfData} (loaded into {@code target/bench-data/} at the first run and kept for the next), signs users in
 * with the login form as a browser does, and measures p50/p95 of each page after a warm-up, at 1 and at
 * {@code bench.users} (20) concurrent users. Prints the table and writes {@code target/bench/pages.md}.
 *
 * <p>{@code ./mvnw -o -Pbench verify -Dit.test=PagesBench} with {@code -Dbench.yearCases} (200000),
 * {@code -Dbench.yearAudit} (five per case), {@code -Dbench.openCases} (2000), {@code -Dbench.users} (20),
 * {@code -Dbench.requests} (measured requests per user and page: 20 alone, 5 each at 20 users),
 * {@code -Dbench.warmup} (5), {@code -Dbench.levels} ({@code 1,20}: alone and at {@code bench.users}; {@code 1} or
 * {@code 20} for one of them), {@code -Dbench.pages} (names or parts of names of the pages to measure, comma-separated;
 * all when empty), {@code -Dbench.appArgs}.
 */
class PagesBench {

    private static final Path REPORT = Path.of("target", "bench", "pages.md");
    private static final int USERS = Integer.getInteger("bench.users", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);

    private final YearOfData data = YearOfData.fromSystemProperties();
    private final Map<String, HttpClient> sessions = new ConcurrentHashMap<>();
    private String base;

    /** A page: its name, who opens it, and the path of the {@code n}th request. */
    private record Page(String name, IntFunction<String> user, IntFunction<String> path) {}

    @Test
    void pagesOnAYearOfData() throws Exception {
        boolean load = !data.loaded();
        if (load) {
            YearOfData.log("no data of this size and version in %s: loading it", data.dataDir());
            FileSystemUtils.deleteRecursively(data.dataDir());
        } else {
            YearOfData.log("reusing %s", data.dataDir());
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext application = start();
        YearOfData.log("application started in %d s", (System.nanoTime() - started) / 1_000_000_000);
        try (Connection owner = data.owner(((HikariDataSource) application.getBean(DataSource.class)).getJdbcUrl())) {
            base = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
            if (load) {
                data.load(owner);
                verifyAuditChain();
                data.markLoaded();
            }
            String only = System.getProperty("bench.pages", "");
            List<Page> pages = pages(owner).stream()
                    .filter(p -> only.isBlank() || Stream.of(only.split(",")).anyMatch(p.name()::contains)).toList();
            Map<String, long[][]> results = new LinkedHashMap<>();
            for (Page page : pages) {
                results.put(page.name(), new long[2][]);
            }
            int alone = Integer.getInteger("bench.requests", 20);
            int together = Math.max(1, Integer.getInteger("bench.requests", 20) / 4);
            String levels = System.getProperty("bench.levels", "1," + USERS);
            signInEveryone(pages);
            for (Page page : pages) {
                if (levels.startsWith("1,") || levels.equals("1")) {
                    results.get(page.name())[0] = measure(page, 1, alone);
                }
            }
            for (Page page : pages) {
                if (levels.endsWith("," + USERS) || levels.equals(String.valueOf(USERS))) {
                    results.get(page.name())[1] = measure(page, USERS, together);
                }
            }
            String report = report(results, owner);
            System.out.println(report);
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } finally {
            application.close();
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of(
                // the hourly verification of a million entries is not what is measured here
                "--imr.audit.verify-delay=PT24H"));
        args.addAll(EmbeddedApplication.argsOf("bench.appArgs"));
        return EmbeddedApplication.start(data.dataDir().toString(), args);
    }

    private void verifyAuditChain() throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> verified = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/admin/audit/verify")).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        YearOfData.log("audit chain verified in %d ms: %s", (System.nanoTime() - started) / 1_000_000,
                verified.body().length() > 300 ? verified.body().substring(0, 300) : verified.body());
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(verified.body()).contains("\"valid\":true");
    }

    private List<Page> pages(Connection owner) throws Exception {
        List<String> numbers = strings(owner, "select case_number from imr_case where stage = 'DECIDED' "
                + "order by md5(case_number) limit 200");
        List<String> names = strings(owner, "select distinct lower(substr(employee_last_name, 1, 5)) from imr_case "
                + "order by 1 limit 40");
        String lastPage = lastPage();
        YearOfData.log("the last page of the case list: %s", lastPage);
        List<String> reviewers = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            reviewers.add(i == 1 ? "reviewer" : "reviewer" + i);
        }
        IntFunction<String> coordinator = n -> "coordinator";
        return List.of(
                new Page("dashboard `/`", coordinator, n -> "/"),
                new Page("search by case number", coordinator,
                        n -> "/cases?q=" + numbers.get(n % numbers.size()).substring(0, 10)),
                new Page("search by worker name", coordinator, n -> "/cases?q=" + names.get(n % names.size())),
                new Page("stage filter", coordinator, n -> "/cases?stage=CLINICAL_REVIEW"),
                new Page("sort by due date", coordinator, n -> "/cases?sort=DETERMINATION_FROM_RECORDS"),
                new Page("last page of the case list", coordinator, n -> lastPage),
                new Page("case page", coordinator, n -> "/cases/" + numbers.get(n % numbers.size())),
                new Page("coordinator's inbox", coordinator, n -> "/tasks"),
                new Page("reviewer's inbox", n -> reviewers.get(n % reviewers.size()), n -> "/tasks"),
                new Page("audit log", n -> "auditor", n -> "/audit"));
    }

    /** The link to the last page of the case list when the page has one, else the page number of the last page. */
    private String lastPage() {
        String html = send(session("coordinator"), "/cases").body();
        var last = Jsoup.parse(html).select("a[rel=last]");
        if (!last.isEmpty()) {
            return last.attr("href");
        }
        var text = Jsoup.parse(html).select("nav .page-item.disabled span").text();
        var matcher = java.util.regex.Pattern.compile("of ([0-9,]+)").matcher(text);
        int pages = matcher.find() ? Integer.parseInt(matcher.group(1).replace(",", "")) : 1;
        return "/cases?page=" + (pages - 1);
    }

    /**
     * Every session the measurements use, signed in before any is measured: a sign-in (BCrypt) costs far more than a
     * page, and would land in the middle of another page's figures.
     */
    private void signInEveryone(List<Page> pages) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Page page : pages) {
            for (int u = 0; u < USERS; u++) {
                String key = page.user().apply(u) + "#" + u;
                threads.add(Thread.ofPlatform().start(() -> session(key)));
                if (threads.size() % 4 == 0) {
                    for (Thread thread : threads) {
                        thread.join();
                    }
                    threads.clear();
                }
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Warms up, then {@code users} threads each open the page {@code requests} times; the times in ms, sorted. */
    private long[] measure(Page page, int users, int requests) throws InterruptedException {
        List<Long> times = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            threads.add(Thread.ofPlatform().name("bench-user-" + u).start(() -> {
                String username = page.user().apply(user);
                HttpClient http = session(username + "#" + user);
                SplittableRandom random = new SplittableRandom(user);
                for (int r = 0; r < WARMUP + requests; r++) {
                    String path = page.path().apply(random.nextInt(1_000_000));
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(http, path);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (response.statusCode() != 200) {
                        failures.add(response.statusCode() + " " + path);
                    }
                    if (r >= WARMUP) {
                        times.add(millis);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).as(page.name()).isEmpty();
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        YearOfData.log("%-28s %2d user(s): p50 %5d ms, p95 %5d ms", page.name(), users, percentile(sorted, 50),
                percentile(sorted, 95));
        return sorted;
    }

    /** A browser's session of the user (the key is the user name, then {@code #} and a slot). */
    private HttpClient session(String key) {
        return sessions.computeIfAbsent(key, k -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            signIn(http, k.contains("#") ? k.substring(0, k.indexOf('#')) : k);
            return http;
        });
    }

    private void signIn(HttpClient http, String username) {
        String token = Jsoup.parse(send(http, "/login").body()).select("input[name=_csrf]").attr("value");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("sign-in of " + username).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).as("sign-in").doesNotContain("error");
        } catch (Exception e) {
            throw new IllegalStateException("sign-in of " + username, e);
        }
    }

    private HttpResponse<String> send(HttpClient http, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    private String report(Map<String, long[][]> results, Connection owner) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("### Pages on a year of data\n\n");
        out.append(String.join(" ", count(owner, "imr_case"), "cases,", count(owner, "audit_event"),
                "audit entries,", count(owner, "user_task"), "user tasks (",
                scalar(owner, "select count(*) from user_task where status = 'OPEN'"), "open); ", String.valueOf(USERS),
                "concurrent users; times in ms after", String.valueOf(WARMUP), "warm-up requests per user\n\n"));
        out.append("| page | 1 user p50 | 1 user p95 | ").append(USERS).append(" users p50 | ").append(USERS)
                .append(" users p95 |\n|---|---:|---:|---:|---:|\n");
        results.forEach((name, times) -> out.append("| ").append(name).append(" | ")
                .append(cell(times[0], 50)).append(" | ").append(cell(times[0], 95)).append(" | ")
                .append(cell(times[1], 50)).append(" | ").append(cell(times[1], 95)).append(" |\n"));
        out.append("\nTables read whole most (pg_stat_user_tables, since the start):\n\n")
                .append("| table | sequential scans | rows read by them |\n|---|---:|---:|\n");
        try (Statement sql = owner.createStatement(); ResultSet rows = sql.executeQuery("""
                select relname, seq_scan, seq_tup_read from pg_stat_user_tables
                where seq_tup_read > 10000 order by seq_tup_read desc limit 10""")) {
            while (rows.next()) {
                out.append("| ").append(rows.getString(1)).append(" | ").append(rows.getLong(2)).append(" | ")
                        .append(rows.getLong(3)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String count(Connection owner, String table) throws Exception {
        return scalar(owner, "select count(*) from " + table);
    }

    private static String scalar(Connection owner, String query) throws Exception {
        return strings(owner, query).getFirst();
    }

    private static List<String> strings(Connection owner, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement sql = owner.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String cell(long[] sorted, int percent) {
        return sorted == null ? "–" : String.valueOf(percentile(sorted, percent));
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted == null || sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
