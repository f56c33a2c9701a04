/**
 * Statutory clocks: the calendar the deadlines are counted in (America/Los_Angeles) and the due dates they
 * produce. This first version counts the determination deadline in calendar days; business-day clocks with
 * California state holidays follow.
 */
package org.imrflow.deadlines;
