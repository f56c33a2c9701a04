/**
 * The clinical review: the reviewer's clinical case summary and per-item decisions (Upheld or Overturned,
 * guideline citation, rationale), the guideline check against the MTUS hierarchy that returns an incomplete
 * review to the reviewer, and the medical director's quality review.
 */
package org.imrflow.review;
