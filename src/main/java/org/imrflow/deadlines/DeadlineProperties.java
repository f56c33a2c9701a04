package org.imrflow.deadlines;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the statutory clocks are counted ({@code imr.deadlines.*}).
 *
 * @param mailServiceDays          days added to the filing window when the UR decision was served by mail (OQ-1)
 * @param extendToBusinessDay      a calendar-day deadline whose last day is a weekend or holiday ends on the next
 *                                 business day (Code of Civil Procedure §12a)
 * @param reminderBusinessDays     a reminder this many business days before a deadline counted in days
 * @param reminderHours            a reminder this many hours before a deadline counted in hours
 */
@Validated
@ConfigurationProperties("imr.deadlines")
public record DeadlineProperties(
        @DefaultValue("5") @Min(0) @Max(10) int mailServiceDays,
        @DefaultValue("true") boolean extendToBusinessDay,
        @DefaultValue("2") @Min(0) @Max(10) int reminderBusinessDays,
        @DefaultValue("6") @Min(0) @Max(23) int reminderHours) {}
