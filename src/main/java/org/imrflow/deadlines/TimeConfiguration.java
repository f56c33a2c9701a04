package org.imrflow.deadlines;

import java.time.Clock;
import org.imrflow.ImrProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's clock: the system's, or a simulated one that administrators move forward. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(SimulationProperties simulation, ImrProperties properties) {
        if (!simulation.enabled()) {
            return Clock.systemUTC();
        }
        if (!properties.embedded()) {
            // a cluster's engine keeps its own time: moving ours would put the two out of step
            throw new IllegalStateException("imr.simulation.enabled=true is only allowed in embedded mode");
        }
        return new SimulatedClock();
    }
}
