package org.imrflow.security;

import java.time.Duration;
import java.util.List;
import org.imrflow.ScheduledOnce;
import org.imrflow.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins, counted per user and per address, and the locks they earn: a user whose password was wrong
 * {@code imr.security.login.user-failures} times in a row within the window may not sign in for the lock's time,
 * even with the right password; an address that failed {@code address-failures} times within the window (any
 * users, known or not) is refused for as long. A locked sign-in is refused before its password is checked, so
 * guessing costs the attacker time and the server no CPU. Each lock is audited; failures of known users are
 * audited one by one, those of unknown user names once a minute per address, as a count, so that guessing cannot
 * flood the audit log.
 *
 * <p>The counts and locks are rows in PostgreSQL ({@code login_failure}, migration V23), so they hold across
 * application instances and restarts: a failure is one upsert, which tells whether it begins a lock (the row is
 * locked while it is updated, so two instances counting the last failure at once begin one lock); a sign-in attempt
 * is one lookup by primary key. Times are the database's real time, not the simulated time of the deadlines, so the
 * instances' clocks need not agree. The report of unknown user names runs once across instances
 * ({@link ScheduledOnce}), takes the counts it reports out of the table in the transaction that audits them, and
 * deletes the runs of failures that have expired.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ScheduledOnce once;
    private final TransactionTemplate transactions;
    private final int userFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration lock;
    private final Duration reportInterval;

    LoginThrottle(AuditLog audit, JdbcClient jdbc, ScheduledOnce once, TransactionTemplate transactions,
                  @Value("${imr.security.login.user-failures:5}") int userFailures,
                  @Value("${imr.security.login.address-failures:30}") int addressFailures,
                  @Value("${imr.security.login.window:PT15M}") Duration window,
                  @Value("${imr.security.login.lock:PT15M}") Duration lock,
                  @Value("${imr.security.login.unknown-user-report:PT1M}") Duration reportInterval) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.once = once;
        this.transactions = transactions;
        this.userFailures = userFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.lock = lock;
        this.reportInterval = reportInterval;
    }

    /** Whether a sign-in as this user from this address is refused without looking at its password. */
    boolean locked(String username, String address) {
        return jdbc.sql("""
                select exists (select from login_failure
                    where ((kind = 'USER' and key = :user) or (kind = 'ADDRESS' and key = :address))
                    and locked_until > now())""")
                .param("user", key(username)).param("address", key(address))
                .query(Boolean.class).single();
    }

    /** Whether requests from this address are refused without looking at what they present (an API token). */
    boolean addressLocked(String address) {
        return jdbc.sql("""
                select exists (select from login_failure
                    where kind = 'ADDRESS' and key = :address and locked_until > now())""")
                .param("address", key(address))
                .query(Boolean.class).single();
    }

    /**
     * An API token was refused (malformed, unknown, revoked, expired, or its user deactivated): counted against the
     * address like a wrong password, so that guessing tokens is throttled too. The refusal itself is audited by the
     * caller, with its reason.
     */
    void tokenRefused(String address) {
        countAddress(address);
    }

    /** A known user's password was wrong. */
    void failed(String username, String address, String reason) {
        audit.recordAs(username, "LOGIN_FAILED", null, reason + " from " + address);
        if (count("USER", username, userFailures)) {
            log.warn("Sign-in locked for a user after {} failed attempts", userFailures);
            audit.recordAs(username, "LOGIN_LOCKED", null, "sign-in refused for " + minutes(lock) + " minutes after "
                    + userFailures + " failed attempts, the last from " + address);
        }
        countAddress(address);
    }

    /** A sign-in named no user we know: counted, and audited with the others from its address once a minute. */
    void unknownUser(String address) {
        jdbc.sql("""
                insert into login_failure (kind, key, failures, first_at) values ('UNKNOWN', :address, 1, now())
                on conflict (kind, key) do update set failures = login_failure.failures + 1""")
                .param("address", key(address)).update();
        countAddress(address);
    }

    /** A sign-in succeeded: the user's run of failures ends. */
    void succeeded(String username) {
        jdbc.sql("delete from login_failure where kind = 'USER' and key = :user").param("user", key(username)).update();
    }

    @Scheduled(fixedDelayString = "${imr.security.login.unknown-user-report:PT1M}")
    void scheduled() {
        once.runOncePer("login-unknown-user-report", reportInterval, this::reportUnknownUsers);
    }

    /** Audits the failures with unknown user names counted since the last report, and forgets expired runs. */
    void reportUnknownUsers() {
        transactions.executeWithoutResult(status -> {
            List<UnknownUsers> counts = jdbc.sql("""
                    delete from login_failure where kind = 'UNKNOWN' returning key, failures""")
                    .query(UnknownUsers.class).list();
            for (UnknownUsers count : counts.stream().sorted((a, b) -> a.key().compareTo(b.key())).toList()) {
                audit.recordAs("anonymous", "LOGIN_FAILED_UNKNOWN_USER", null,
                        count.failures() + " failed sign-ins with unknown user names from " + count.key());
            }
        });
        jdbc.sql("""
                delete from login_failure where kind in ('USER', 'ADDRESS')
                and (case when locked_until is not null then locked_until <= now()
                          else first_at + cast(:window as interval) < now() end)""")
                .param("window", interval(window)).update();
    }

    private void countAddress(String address) {
        if (count("ADDRESS", address, addressFailures)) {
            log.warn("Sign-ins locked for an address after {} failed attempts", addressFailures);
            audit.recordAs("anonymous", "LOGIN_ADDRESS_LOCKED", null, "sign-ins from " + address + " refused for "
                    + minutes(lock) + " minutes after " + addressFailures + " failed attempts");
        }
    }

    /**
     * Counts a failure; returns whether it begins a lock. A run whose window or lock has passed begins anew; a
     * failure during a lock (one that raced the lock's check) leaves it as it is.
     */
    private boolean count(String kind, String key, int limit) {
        return jdbc.sql("""
                insert into login_failure as f (kind, key, failures, first_at, locked_until)
                values (:kind, :key, 1, now(), case when 1 >= :limit then now() + cast(:lock as interval) end)
                on conflict (kind, key) do update set
                    failures = case when f.locked_until > now() then f.failures
                                    when f.locked_until is not null or f.first_at + cast(:window as interval) < now() then 1
                                    else f.failures + 1 end,
                    first_at = case when f.locked_until > now() then f.first_at
                                    when f.locked_until is not null or f.first_at + cast(:window as interval) < now() then now()
                                    else f.first_at end,
                    locked_until = case when f.locked_until > now() then f.locked_until
                                    when f.locked_until is not null or f.first_at + cast(:window as interval) < now()
                                        then case when 1 >= :limit then now() + cast(:lock as interval) end
                                    when f.failures + 1 >= :limit then now() + cast(:lock as interval)
                                    end
                returning coalesce(f.locked_until = now() + cast(:lock as interval), false)""")
                .param("kind", kind).param("key", key(key)).param("limit", limit)
                .param("lock", interval(lock)).param("window", interval(window))
                .query(Boolean.class).single();
    }

    /** The key as stored: user names and addresses are short, but a sign-in may name anything. */
    private static String key(String key) {
        String value = key == null ? "" : key.replace("\u0000", "");
        return value.length() <= 200 ? value : value.substring(0, 200);
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

    private static long minutes(Duration duration) {
        return Math.max(1, duration.toMinutes());
    }

    private record UnknownUsers(String key, int failures) {
    }
}
