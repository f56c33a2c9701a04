/**
 * Reviewer selection (docs/matching.md): the reviewer panel (licenses with status and expiry, specialties spelled as
 * letters print them, practice, capacity, leave, sanctions, affiliations) and its administration by
 * administrators (docs/reviewers.md), the screening of the panel for a case
 * on the day (every rule, the specialty decision table {@code reviewer-specialties.dmn}, conflicts by normalized
 * party names) with the reasons each reviewer was excluded, the coordinator's choice, the reviewer's acceptance
 * with a no-conflict attestation or decline, a panel of several reviewers with the Administrative Director's
 * approval ({@link org.imrflow.assignment.PanelApprovals}, {@link org.imrflow.assignment.PanelReviews}: each
 * reviewer on a track of their own), the withdrawal of an accepted reviewer ({@link
 * org.imrflow.assignment.ReviewerWithdrawn}), and who may know a case's reviewers ({@link
 * org.imrflow.assignment.CaseReviewers}).
 */
package org.imrflow.assignment;
