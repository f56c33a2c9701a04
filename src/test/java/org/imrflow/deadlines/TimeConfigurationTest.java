package org.imrflow.deadlines;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.imrflow.ImrProperties;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The application's clock: the system's, or a simulated one that only moves forward and never in cluster mode. */
class TimeConfigurationTest {

    private final TimeConfiguration configuration = new TimeConfiguration();

    @Test
    void withoutTheSettingTheClockIsTheSystemsOwn() {
        assertThat(configuration.clock(new SimulationProperties(false, null), properties(ImrProperties.Mode.CLUSTER)))
                .isEqualTo(Clock.systemUTC());
    }

    @Test
    void aSimulationInClusterModeIsRefusedAtStartUp() {
        assertThatIllegalStateException()
                .isThrownBy(() -> configuration.clock(new SimulationProperties(true, null), properties(ImrProperties.Mode.CLUSTER)))
                .withMessageContaining("only allowed in embedded mode");
    }

    @Test
    void theSimulatedClockRunsAheadOfRealTimeByWhatItWasMoved() {
        Clock clock = configuration.clock(new SimulationProperties(true, null), properties(ImrProperties.Mode.EMBEDDED));
        assertThat(clock).isInstanceOf(SimulatedClock.class);
        SimulatedClock simulated = (SimulatedClock) clock;
        simulated.advance(Duration.ofDays(3));
        Instant now = Instant.now();
        assertThat(Duration.between(now, simulated.instant()).toHours()).isBetween(71L, 72L);
        assertThat(simulated.offset()).isEqualTo(Duration.ofDays(3));
    }

    private static ImrProperties properties(ImrProperties.Mode mode) {
        return new ImrProperties(mode, "./data", new ImrProperties.Engine(26500, Duration.ofSeconds(60),
                        DataSize.parse(ImrProperties.Engine.LOG_RETAINED)),
                new ImrProperties.Organization("Org", "ORG", "Address", List.of("Signature")),
                new ImrProperties.Letters("2016"), new ImrProperties.Demo(false));
    }
}
