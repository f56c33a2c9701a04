/**
 * Reviewer selection: the reviewer registry (licensure, specialties, practice, affiliations), the ranking of
 * reviewers whose specialty fits the disputed treatment and who have no affiliation with the case's parties,
 * the coordinator's choice, and the reviewer's acceptance with a no-conflict attestation, or decline.
 */
package org.imrflow.assignment;
