/**
 * The final determination: once the medical director has approved the review, the determination is recorded
 * and the Final Determination Letter issued, and the case is decided. Implementation of overturned items,
 * appeal, remand, termination and withdrawal follow here.
 */
package org.imrflow.determination;
