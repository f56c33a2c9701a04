package org.imrflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.imrflow.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per user and per address, and the locks they earn: a user whose password was wrong
 * {@code imr.security.login.user-failures} times in a row within the window may not sign in for the lock's time,
 * even with the right password; an address that failed {@code address-failures} times within the window (any
 * users, known or not) is refused for as long. A locked sign-in is refused before its password is checked, so
 * guessing costs the attacker time and the server no CPU. Each lock is audited; failures of known users are
 * audited one by one, those of unknown user names once a minute per address, as a count, so that guessing cannot
 * flood the audit log.
 *
 * <p>The counts live in this instance's memory: a restart forgets them, and with several instances each counts
 * its own share of the attempts (behind a load balancer that spreads them, a user is locked after up to five wrong
 * passwords per instance). For the same reason the report of unknown user names runs on every instance, each
 * reporting its own counts, unlike the scheduled work that runs once across instances ({@code ScheduledOnce}).
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final AuditLog audit;
    private final Clock clock;
    private final int userFailures;
    private final int addressFailures;
    private final Duration window;
    private final Duration lock;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unknownUsers = new ConcurrentHashMap<>();

    LoginThrottle(AuditLog audit,
                  @Value("${imr.security.login.user-failures:5}") int userFailures,
                  @Value("${imr.security.login.address-failures:30}") int addressFailures,
                  @Value("${imr.security.login.window:PT15M}") Duration window,
                  @Value("${imr.security.login.lock:PT15M}") Duration lock) {
        this.audit = audit;
        // real time, not the simulated time of the deadlines
        this.clock = Clock.systemUTC();
        this.userFailures = userFailures;
        this.addressFailures = addressFailures;
        this.window = window;
        this.lock = lock;
    }

    /** Whether a sign-in as this user from this address is refused without looking at its password. */
    boolean locked(String username, String address) {
        Instant now = clock.instant();
        return lockedAt(users.get(username), now) || lockedAt(addresses.get(address), now);
    }

    /** A known user's password was wrong. */
    void failed(String username, String address, String reason) {
        audit.recordAs(username, "LOGIN_FAILED", null, reason + " from " + address);
        if (count(users, username, userFailures)) {
            log.warn("Sign-in locked for a user after {} failed attempts", userFailures);
            audit.recordAs(username, "LOGIN_LOCKED", null, "sign-in refused for " + minutes(lock) + " minutes after "
                    + userFailures + " failed attempts, the last from " + address);
        }
        countAddress(address);
    }

    /** A sign-in named no user we know: counted, and audited with the others from its address once a minute. */
    void unknownUser(String address) {
        unknownUsers.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        countAddress(address);
    }

    /** A sign-in succeeded: the user's run of failures ends. */
    void succeeded(String username) {
        users.remove(username);
    }

    @Scheduled(fixedDelayString = "${imr.security.login.unknown-user-report:PT1M}")
    void reportUnknownUsers() {
        for (String address : unknownUsers.keySet()) {
            AtomicInteger count = unknownUsers.remove(address);
            if (count != null && count.get() > 0) {
                audit.recordAs("anonymous", "LOGIN_FAILED_UNKNOWN_USER", null,
                        count.get() + " failed sign-ins with unknown user names from " + address);
            }
        }
        Instant now = clock.instant();
        users.values().removeIf(failures -> failures.expired(now, window));
        addresses.values().removeIf(failures -> failures.expired(now, window));
    }

    private void countAddress(String address) {
        if (count(addresses, address, addressFailures)) {
            log.warn("Sign-ins locked for an address after {} failed attempts", addressFailures);
            audit.recordAs("anonymous", "LOGIN_ADDRESS_LOCKED", null, "sign-ins from " + address + " refused for "
                    + minutes(lock) + " minutes after " + addressFailures + " failed attempts");
        }
    }

    /** Counts a failure; returns whether it begins a lock. */
    private boolean count(Map<String, Failures> counts, String key, int limit) {
        Instant now = clock.instant();
        Failures failures = counts.compute(key, (k, old) -> (old == null || old.expired(now, window))
                ? new Failures(1, now, null)
                : old.lockedUntil() != null && now.isBefore(old.lockedUntil()) ? old : old.plusOne());
        if (failures.lockedUntil() == null && failures.count() >= limit) {
            counts.put(key, new Failures(failures.count(), failures.first(), now.plus(lock)));
            return true;
        }
        return false;
    }

    private static boolean lockedAt(Failures failures, Instant now) {
        return failures != null && failures.lockedUntil() != null && now.isBefore(failures.lockedUntil());
    }

    private static long minutes(Duration duration) {
        return Math.max(1, duration.toMinutes());
    }

    /** A run of failures since {@code first}, and the end of its lock if it earned one. */
    private record Failures(int count, Instant first, Instant lockedUntil) {

        Failures plusOne() {
            return new Failures(count + 1, first, lockedUntil);
        }

        boolean expired(Instant now, Duration window) {
            return lockedUntil != null ? !now.isBefore(lockedUntil) : now.isAfter(first.plus(window));
        }
    }
}
