/**
 * The records stage: the Notice of Assignment and Request for Information sent to the parties once a case is
 * eligible, the wait for the claims administrator's record set, marking it complete, and the records due date:
 * late records are referred for the 8 CCR 9792.12(c)(6) penalty and the review goes on with the documents of the
 * employee or the requesting physician, or the case is held when it has nothing but the UR decision (T9).
 */
package org.imrflow.records;
