package org.imrflow;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work once across all application instances: every instance schedules it, and the one that takes the
 * work's lease in PostgreSQL ({@code scheduled_lock}) runs it; the others skip that turn. The lease is held while the
 * work runs (at most {@code holdAtMost}, in case the instance dies) and, once done, until {@code holdAtLeast} after it
 * began, so that an instance whose schedule fires a moment later does not run it again. Times are the database's, so
 * the instances' clocks need not agree. Call it outside a transaction.
 */
@Component
public class ScheduledOnce {

    private final JdbcClient jdbc;
    private final String instance;

    ScheduledOnce(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** Runs {@code work} if no instance holds the lease named {@code name}; returns whether it ran here. */
    public boolean run(String name, Duration holdAtLeast, Duration holdAtMost, Runnable work) {
        int taken = jdbc.sql("""
                insert into scheduled_lock (name, locked_until, locked_at, locked_by)
                values (:name, now() + cast(:most as interval), now(), :me)
                on conflict (name) do update set locked_until = excluded.locked_until, locked_at = excluded.locked_at,
                    locked_by = excluded.locked_by
                where scheduled_lock.locked_until <= now()""")
                .param("name", name).param("most", interval(holdAtMost)).param("me", instance)
                .update();
        if (taken == 0) {
            return false;
        }
        try {
            work.run();
        } finally {
            jdbc.sql("""
                    update scheduled_lock set locked_until = greatest(now(), locked_at + cast(:least as interval))
                    where name = :name and locked_by = :me""")
                    .param("least", interval(holdAtLeast)).param("name", name).param("me", instance).update();
        }
        return true;
    }

    /** The lease for work on a fixed schedule: held until just before the next turn, so that it runs once a turn. */
    public boolean runOncePer(String name, Duration interval, Runnable work) {
        Duration least = interval.minus(interval.dividedBy(10));
        return run(name, least, interval.plus(Duration.ofMinutes(10)), work);
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }
}
