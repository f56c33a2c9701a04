/**
 * The clinical review: the reviewer's clinical case summary and per-item decisions (Upheld or Overturned,
 * guideline citation, rationale), the guideline check against the MTUS hierarchy that returns an incomplete
 * review to the reviewer, the medical director's quality review, and the documents that arrive during the review,
 * flagged to the reviewer until the review is submitted again. The review of a case decided elsewhere is recorded as
 * its imported letter states it.
 */
package org.imrflow.review;
