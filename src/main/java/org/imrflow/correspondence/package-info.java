/**
 * Letters and notices that leave the system: the Notice of Assignment and Request for Information, the
 * notice that a review has become expedited, the notice of ineligibility for Independent Medical Review
 * and the Final Determination Letter. Each is rendered from Thymeleaf templates as plain
 * text (for the case record, search and accessibility) and as a PDF (the document that is mailed),
 * and is stored immutably (the application's database role may only add and read letters) together with the
 * SHA-256 of its PDF bytes and of its text, so that anyone can later prove which exact document was issued; a
 * letter that no longer gives its hashes is refused when served and named by {@link Letters#check()}. Reviewer names never appear in any letter. The Final
 * Determination Letter is printed from its facts in one of the template versions its text had over the
 * years, and {@link org.imrflow.correspondence.DeterminationLetterParser} reads those facts back from a
 * letter's text or PDF, so historical letters can be imported and printed again word for word.
 */
package org.imrflow.correspondence;
