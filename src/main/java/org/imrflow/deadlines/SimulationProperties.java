package org.imrflow.deadlines;

import java.time.OffsetDateTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A simulation ({@code imr.simulation.*}): administrators move the time of the application and of the embedded
 * engine forward, so that deadlines fall due without waiting. Never in cluster mode.
 *
 * @param enabled whether the time can be moved; off by default
 * @param start   a time to move to at start-up, if the simulated time is earlier
 */
@ConfigurationProperties("imr.simulation")
public record SimulationProperties(@DefaultValue("false") boolean enabled, OffsetDateTime start) {}
