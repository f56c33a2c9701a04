/**
 * The case file as its users see it: the dashboard of deadlines, the case list, the case page with its clocks
 * and the coordinator's actions, and {@code GET /api/cases/{caseNumber}}, which assemble what every module
 * records of a case (application, eligibility, clocks, records, tasks, reviews, letters, incidents, history), the
 * case's path drawn on its process diagram and the process map of where the open cases stand, and the records
 * shown beside a task's form, with, at the medical director's quality review, what is approved and the draft of
 * the letter approval would issue ({@code /tasks/{id}/letter-preview.pdf}); where a step failed, the correction of
 * the case's data before it is retried. For auditors and administrators, the audit log across cases
 * ({@code /audit}: search, export, the chain's verification) and the case history in the same words. It depends on
 * the domain modules; none depends on it. Its read model for lists is the PostgreSQL view {@code case_overview}
 * (V4__case_overview.sql), which joins intake's cases with the deadlines' clocks; the module only reads it, and
 * modules still never write each other's tables.
 */
package org.imrflow.casefile;
