/**
 * The final determination: once the medical director has approved the review, the determination is recorded
 * and the Final Determination Letter issued, and the case is decided; before approval, the medical director previews
 * that same letter as a draft, issuing nothing. Implementation of overturned items,
 * appeal, remand, termination and withdrawal follow here.
 *
 * <p>The import of historical Final Determination Letters ({@code POST /api/determinations/import}) is here too,
 * rather than in a module of its own: an imported letter is a final determination issued elsewhere, and what it
 * makes is what this module makes when it issues one (a decided case with its decisions, its {@code determination}
 * row and its letter), so the one table this module owns keeps one writer, and the import needs no module this one
 * does not already use (intake for the case, review for the decisions, correspondence for the parser and the
 * letter).
 */
package org.imrflow.determination;
