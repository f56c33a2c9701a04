package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.imrflow.support.Superuser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's database role (embedded mode): it owns nothing and has no power beyond reading and writing its
 * ordinary tables, so that what the audit log's trigger and the letters' trigger forbid, the application's own
 * connections cannot do by setting the triggers aside; the embedded PostgreSQL asks every connection for a password
 * kept in files only their owner reads; and a letter altered by someone who holds the database is refused and named.
 */
class DatabasePrivilegesIT extends ApplicationIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private JdbcClient application;
    private Superuser superuser;
    private static String caseNumber;
    private static long letterId;

    @BeforeEach
    void aCaseWithALetter() {
        application = JdbcClient.create(dataSource);
        superuser = superuser();
        if (caseNumber != null) {
            return; // one case for the whole class
        }
        ImrClient coordinator = as("coordinator");
        caseNumber = coordinator.receive(Applications.seed001());
        Instant until = Instant.now().plusSeconds(60);
        JsonNode letters;
        do {
            letters = coordinator.get("/api/cases/" + caseNumber + "/letters").json();
        } while (letters.isEmpty() && Instant.now().isBefore(until) && pause());
        assertThat(letters.isEmpty()).as("the Notice of Assignment is issued").isFalse();
        letterId = letters.get(0).get("id").asLong();
    }

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndHasNoPowers() {
        assertThat(application.sql("select current_user").query(String.class).single()).isEqualTo("imr_app");
        assertThat(application.sql("""
                select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls
                from pg_roles where rolname = current_user""").query(Boolean.class).single()).isFalse();
        assertThat(application.sql("select count(*) from pg_tables where tableowner = current_user")
                .query(Long.class).single()).isZero();
        assertThat(application.sql("select count(*) from pg_class where relowner = "
                + "(select oid from pg_roles where rolname = current_user)").query(Long.class).single()).isZero();
        assertThat(application.sql("select count(*) from pg_tables where schemaname = 'public'")
                .query(Long.class).single()).as("the tables are there, owned by another role").isGreaterThan(30);
        assertThat(application.sql("select coalesce(string_agg(application_name || ' since ' || backend_start, ', '), '') "
                + "from pg_stat_activity where usename = 'postgres' and backend_type = 'client backend'")
                .query(String.class).single()).as("the migrations' connections as the owner are closed").isEmpty();
    }

    @Test
    void whatTheApplicationsRoleMayNotDoFailsWithAPermissionErrorAndChangesNothing() {
        long delivery = application.sql("select id from letter_delivery where letter_id = :l order by id limit 1")
                .param("l", letterId).query(Long.class).single();
        List<String> forbidden = List.of(
                "update audit_event set detail = 'nothing happened' where seq = 1",
                "delete from audit_event where seq = (select max(seq) from audit_event)",
                "update letter set text_content = 'another text' where id = " + letterId,
                "update letter set pdf_content = '\\x00', sha256 = repeat('0', 64) where id = " + letterId,
                "delete from letter where id = " + letterId,
                "update letter_delivery set recipient_name = 'someone else' where id = " + delivery,
                "delete from letter_delivery where id = " + delivery,
                "update case_process_step set actor = 'someone else'",
                "delete from case_process_step",
                "truncate case_process_step",
                "set session_replication_role = replica",
                "alter table audit_event disable trigger all",
                "alter table letter disable trigger letter_no_update",
                "drop table audit_event",
                "truncate audit_event",
                "truncate letter cascade",
                "create role intruder superuser login",
                "create table intruder (id int)",
                "insert into flyway_schema_history (installed_rank, description, type, script, installed_by, "
                        + "execution_time, success) values (999, 'forged', 'SQL', 'V999__forged.sql', 'x', 0, true)",
                "update flyway_schema_history set success = false",
                "delete from flyway_schema_history",
                "delete from audit_chain_head",
                "insert into audit_chain_head (id, seq, hash) values (2, 0, repeat('0', 64))");
        long lastAudit = application.sql("select max(id) from audit_event").query(Long.class).single();
        String before = fingerprint(lastAudit);
        for (String statement : forbidden) {
            assertThatThrownBy(() -> execute(statement)).as(statement)
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).as(statement + ": " + e.getMessage())
                                    .isEqualTo(INSUFFICIENT_PRIVILEGE));
        }
        assertThat(fingerprint(lastAudit)).as("nothing changed").isEqualTo(before);
        assertThat(superuser.jdbc().sql("show session_replication_role").query(String.class).single())
                .isEqualTo("origin");
    }

    @Test
    void whatTheApplicationNeedsItMayDo() throws SQLException {
        long delivery = application.sql("select id from letter_delivery where letter_id = :l order by id limit 1")
                .param("l", letterId).query(Long.class).single();
        assertThat(as("coordinator").post("/api/cases/" + caseNumber + "/deliveries/" + delivery + "/receipt",
                Map.of("receivedOn", Applications.today().toString())).status()).isEqualTo(200);
        assertThat(application.sql("select received_on from letter_delivery where id = :id").param("id", delivery)
                .query(LocalDate.class).single()).isEqualTo(Applications.today());
        // a table the owner creates later, outside a migration run, is covered by the default privileges
        superuser.jdbc().sql("create table later_table (id int)").update();
        execute("insert into later_table values (1)");
        execute("delete from later_table");
        superuser.jdbc().sql("drop table later_table").update();
    }

    @Test
    void thePasswordsAreFilesOnlyTheirOwnerReadsAndAConnectionWithoutOneIsRefused() throws Exception {
        Path secrets = dataDir().resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        for (String role : List.of("postgres", "imr_app")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(role + ".password"))))
                    .as(role).isEqualTo("rw-------");
            assertThat(Superuser.password(dataDir(), role)).hasSizeGreaterThanOrEqualTo(40);
        }
        String url = application.sql("select 'jdbc:postgresql://localhost:' || current_setting('port') || '/postgres'")
                .query(String.class).single();
        assertThat(Files.readString(dataDir().resolve("pg_hba.conf"))).doesNotContain("trust").contains("scram-sha-256");
        for (String role : List.of("postgres", "imr_app")) {
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?user=" + role).close()).as(role)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, role, "not-the-password").close()).as(role)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
        }
        try (Connection connection = DriverManager.getConnection(url, "imr_app",
                Superuser.password(dataDir(), "imr_app"))) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void theSessionsOfTheApplicationHaveTimeouts() {
        assertThat(application.sql("show statement_timeout").query(String.class).single()).isEqualTo("30s");
        assertThat(application.sql("show lock_timeout").query(String.class).single()).isEqualTo("10s");
        assertThat(application.sql("show idle_in_transaction_session_timeout").query(String.class).single())
                .isEqualTo("1min");
    }

    @Test
    void aLetterWhoseTextWasAlteredInTheDatabaseIsRefusedAndNamed() {
        ImrClient coordinator = as("coordinator");
        String path = "/api/cases/" + caseNumber + "/letters/" + letterId;
        assertThat(coordinator.get(path).status()).isEqualTo(200);
        assertThat(as("auditor").get("/api/admin/audit/letters").json().path("valid").asBoolean()).isTrue();
        String hash = application.sql("select text_sha256 from letter where id = :id").param("id", letterId)
                .query(String.class).single();
        String text = application.sql("select text_content from letter where id = :id").param("id", letterId)
                .query(String.class).single();
        assertThat(hash).as("the text's SHA-256, written when it was issued").isEqualTo(sha256(text));

        superuser.transactions().executeWithoutResult(s -> {
            superuser.jdbc().sql("alter table letter disable trigger letter_no_update").update();
            superuser.jdbc().sql("update letter set text_content = replace(text_content, 'a', 'e') where id = :id")
                    .param("id", letterId).update();
            superuser.jdbc().sql("alter table letter enable trigger letter_no_update").update();
        });
        ImrClient.Response served = coordinator.get(path);
        assertThat(served.status()).isEqualTo(409);
        assertThat(served.body()).contains("altered");
        assertThat(coordinator.bytes(path + "/pdf")).as("its PDF is unchanged, and served").isNotEmpty();
        JsonNode check = as("auditor").get("/api/admin/audit/letters").json();
        assertThat(check.path("valid").asBoolean()).isFalse();
        assertThat(check.path("altered").get(0).path("letterId").asLong()).isEqualTo(letterId);
        assertThat(check.path("altered").get(0).path("text").asBoolean()).isTrue();
        assertThat(check.path("altered").get(0).path("pdf").asBoolean()).isFalse();
        assertThat(as("coordinator").get("/api/admin/audit/letters").status()).isEqualTo(403);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * The audit log up to an entry (the application may append while the test runs), the letters, the delivery log,
     * the migrations' history, the roles and the tables, as the superuser sees them.
     */
    private String fingerprint(long lastAudit) {
        return superuser.jdbc().sql("""
                select (select count(*) || ':' || md5(string_agg(id || hash || detail, ',' order by id))
                            from audit_event where id <= :lastAudit)
                    || (select count(*) from audit_chain_head)
                    || (select count(*) || ':' || md5(string_agg(id || md5(text_content) || md5(pdf_content) || sha256,
                            ',' order by id)) from letter where id <= :letter)
                    || (select count(*) || ':' || md5(string_agg(id || recipient_name, ',' order by id))
                            from letter_delivery where letter_id <= :letter)
                    || (select count(*) || ':' || md5(string_agg(version || success::text, ',' order by installed_rank))
                            from flyway_schema_history)
                    || (select string_agg(rolname, ',' order by rolname) from pg_roles)
                    || (select string_agg(tablename, ',' order by tablename) from pg_tables where schemaname = 'public')
                """).param("lastAudit", lastAudit).param("letter", letterId).query(String.class).single();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(Duration.ofMillis(200));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
