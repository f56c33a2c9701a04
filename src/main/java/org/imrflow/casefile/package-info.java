/**
 * The case file as its users see it: the dashboard, the case page and {@code GET /api/cases/{caseNumber}},
 * which assemble what every module records of a case (application, eligibility, clocks, tasks, reviews,
 * letters, incidents, history), and the records shown beside a task's form. It depends on the domain modules;
 * none depends on it.
 */
package org.imrflow.casefile;
