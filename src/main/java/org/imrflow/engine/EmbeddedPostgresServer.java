package org.imrflow.engine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (real PostgreSQL binaries) on a persistent data directory: started durably, with password
 * authentication and two roles ({@link EmbeddedPostgresSecrets}), and started again on the same directory and port
 * when its process dies while the application runs.
 * <p>
 * At every start, as the superuser: the passwords in the data directory's {@code secrets/} are set on the roles
 * {@value #OWNER} (the superuser, which owns the tables and runs the migrations) and {@value #APP_ROLE} (the
 * application's, created when missing, without any privilege of its own), and {@code pg_hba.conf} is made to ask
 * every connection for a password (SCRAM). A data directory of an earlier version (trust authentication, no
 * secrets) is converted so at its first start; its tables stay the superuser's.
 */
final class EmbeddedPostgresServer implements Closeable {

    static final String OWNER = "postgres";
    static final String APP_ROLE = "imr_app";
    static final String DATABASE = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    /** Only password (SCRAM) authentication, on the loopback interface and the local socket. */
    static final String PG_HBA = """
            # written by imrflow at every start: every connection gives its role's password (see secrets/)
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            local   all       all                 scram-sha-256
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private final Path dataDir;
    private final EmbeddedPostgresSecrets secrets;
    private final ScheduledExecutorService watchdog;
    private volatile EmbeddedPostgres postgres;
    private volatile boolean closing;
    private int port;

    private EmbeddedPostgresServer(Path dataDir) {
        this.dataDir = dataDir;
        this.secrets = new EmbeddedPostgresSecrets(dataDir.resolve("secrets"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts PostgreSQL, secures it, and watches its process every {@code watchdogInterval}. */
    static EmbeddedPostgresServer start(Path dataDir, Duration watchdogInterval) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir);
        try {
            Files.createDirectories(dataDir);
            stopOrphanedPostmaster(dataDir);
            server.postgres = server.launch(0);
            server.port = server.postgres.getPort();
            server.secure();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL in " + dataDir, e);
        }
        long millis = watchdogInterval.toMillis();
        server.watchdog.scheduleWithFixedDelay(server::restartIfGone, millis, millis, TimeUnit.MILLISECONDS);
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    EmbeddedPostgresSecrets secrets() {
        return secrets;
    }

    private EmbeddedPostgres launch(int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                // Spring stops it after the connection pool has closed
                .setRegisterShutdownHook(false)
                // zonky's defaults are for throw-away test databases: fsync off, asynchronous commit
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                // PostgreSQL's defaults (128MB, 4MB) are sized for any machine: a year of cases and audit entries
                // no longer fit the buffers, and a sort of the case list spilled to disk (docs/configuration.md)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "16MB")
                // the pages' queries are short and many run at once: parallel workers only add processes to start
                .setServerConfig("max_parallel_workers_per_gather", "0")
                .setPGStartupWait(Duration.ofSeconds(60));
        // zonky checks that the server is up by connecting as the superuser: with the password, once there is one
        secrets.existingOwnerPassword().ifPresent(password -> builder.setConnectConfig("password", password));
        return builder.start();
    }

    /**
     * The roles' passwords from the secrets (created at the first start), the application's role without any
     * attribute that could set a protection aside, and password authentication, reloaded at once.
     */
    private void secure() throws SQLException, IOException {
        String ownerPassword = secrets.ownerPassword();
        String appPassword = secrets.appPassword();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), OWNER, ownerPassword);
             Statement sql = connection.createStatement()) {
            sql.execute("alter role " + OWNER + " password " + literal(ownerPassword));
            sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + "; end if; end $$");
            sql.execute("alter role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication "
                    + "nobypassrls password " + literal(appPassword));
            Path hba = dataDir.resolve("pg_hba.conf");
            if (!Files.isRegularFile(hba) || !Files.readString(hba).equals(PG_HBA)) {
                Path written = dataDir.resolve("pg_hba.conf.imrflow");
                Files.writeString(written, PG_HBA, StandardCharsets.UTF_8);
                Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                sql.execute("select pg_reload_conf()");
                log.info("The embedded PostgreSQL now asks every connection for a password (pg_hba.conf)");
            }
        }
    }

    /** A password as an SQL string literal (ALTER ROLE takes no parameters). */
    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    /** The watchdog: PostgreSQL's process gone while the application runs is started again, same directory and port. */
    private void restartIfGone() {
        if (closing || postmaster().map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            log.error("The embedded PostgreSQL's process is gone; starting it again on {} and port {}", dataDir, port);
            try {
                postgres.close(); // releases the data directory's lock; the stop itself fails, and is logged
            } catch (IOException | RuntimeException e) {
                log.debug("Closing the dead PostgreSQL", e);
            }
            // its sessions' processes end shortly after it; until they have, PostgreSQL refuses to start
            for (int attempt = 1; !closing; attempt++) {
                try {
                    postgres = launch(port);
                    log.warn("The embedded PostgreSQL runs again (attempt {}); the connection pool reconnects", attempt);
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("Starting the embedded PostgreSQL again failed (attempt {}): {}", attempt, e.toString());
                    sleep(Duration.ofSeconds(Math.min(attempt, 5)));
                }
            }
        }
    }

    /** The running postmaster, from {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        return postmasterOf(dataDir);
    }

    private static Optional<ProcessHandle> postmasterOf(Path dataDir) {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(EmbeddedPostgresServer::isPostgres).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The postmaster's executable: {@code bin/postgres}, or {@code bin\postgres.exe} on Windows. */
    static boolean isPostgres(String command) {
        String name = command.substring(Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\')) + 1);
        return name.equals("postgres") || name.equalsIgnoreCase("postgres.exe");
    }

    @Override
    public void close() throws IOException {
        closing = true;
        watchdog.shutdownNow();
        synchronized (this) {
            postgres.close();
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL running with the data directory locked; stop it first.
     */
    private static void stopOrphanedPostmaster(Path dataDir) {
        postmasterOf(dataDir).ifPresent(EmbeddedPostgresServer::stop);
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown: it ends the dead run's sessions and checkpoints. SIGTERM (a smart
     * shutdown) would wait for sessions that may never end; SIGKILL only if all else fails. Windows has no signals:
     * the process is ended there, and PostgreSQL recovers from its log at the next start as after a crash.
     */
    private static void stop(ProcessHandle postmaster) {
        log.warn("Stopping PostgreSQL process {} left running by an earlier run", postmaster.pid());
        try {
            if (WINDOWS) {
                postmaster.destroy();
            } else {
                new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start().waitFor(10, TimeUnit.SECONDS);
            }
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.destroyForcibly();
        } catch (IOException | ExecutionException | TimeoutException e) {
            postmaster.destroyForcibly();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
