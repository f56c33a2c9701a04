/**
 * The case file as its users see it: the dashboard of deadlines, the case list, the case page with its clocks
 * and the coordinator's actions, and {@code GET /api/cases/{caseNumber}}, which assemble what every module
 * records of a case (application, eligibility, clocks, records, tasks, reviews, letters, incidents, history), the
 * case's path drawn on its process diagram and the process map of where the open cases stand, and
 * the records shown beside a task's form; where a step failed, the correction of the case's data before it is
 * retried. It depends on the domain modules; none depends on it. Its read model
 * for lists is the PostgreSQL view {@code case_overview} (V4__case_overview.sql), which joins intake's cases with
 * the deadlines' clocks; the module only reads it, and modules still never write each other's tables.
 */
package org.imrflow.casefile;
