/**
 * Deadlines: the business calendar (America/Los_Angeles; Monday to Friday except California's state holidays,
 * which are rules, and the one-off closures administrators record) and every statutory clock of a case as data:
 * its rule, trigger, unit, due instant, status (running, met, missed) and an append-only log of its reminders,
 * extensions and conversions. Each running clock has a process of its own ({@code bpmn/statutory-clock.bpmn})
 * whose timers remind, mark it missed and open a coordinator's task. The time everyone reads, which a simulation
 * ({@code imr.simulation.enabled}) moves forward together with the embedded engine's clock, lives here too.
 */
package org.imrflow.deadlines;
