/**
 * Intake: the IMR application (DWC Form IMR data) as a case, with its parties, disputed items and documents;
 * the case number; the case's lifecycle stage and determination due date; searching and reading cases, with
 * each read checked against the actor's access.
 */
package org.imrflow.intake;
