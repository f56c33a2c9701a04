package org.imrflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.imrflow.deadlines.ClockKind;
import org.imrflow.intake.Stage;
import org.junit.jupiter.api.Test;

/** A dashboard list shows the soonest deadlines and says how many there are. */
class DashboardTest {

    private static List<Dashboard.Due> deadlines(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Dashboard.Due("CM26-%07d".formatted(i + 1),
                ClockKind.RECORDS, Stage.RECORDS, Instant.parse("2026-12-01T08:00:00Z").plusSeconds(i),
                new DaysLeft(-1, true, false))).toList();
    }

    @Test
    void aLongListShowsItsFirstDeadlinesAndCountsThemAll() {
        Dashboard.DueList list = Dashboard.DueList.of(deadlines(120), Dashboards.SHOWN);
        assertThat(list.shown()).hasSize(Dashboards.SHOWN);
        assertThat(list.shown().getFirst().caseNumber()).isEqualTo("CM26-0000001");
        assertThat(list.total()).isEqualTo(120);
        assertThat(list.more()).isTrue();
    }

    @Test
    void aShortListShowsEveryDeadline() {
        Dashboard.DueList list = Dashboard.DueList.of(deadlines(3), Dashboards.SHOWN);
        assertThat(list.shown()).hasSize(3);
        assertThat(list.total()).isEqualTo(3);
        assertThat(list.more()).isFalse();
        assertThat(Dashboard.DueList.none().more()).isFalse();
    }
}
