/**
 * Intake: the IMR application (DWC Form IMR data) as a case, with its parties, disputed items and documents
 * (each with its source and date received, also after intake); the case number, or the number of a case taken
 * over from another system, or of a case decided elsewhere and imported with its letter; the case's lifecycle
 * stage and review type, including its conversion to an expedited review; reading cases, with each read checked
 * against the actor's access; the coordinator's correction of a case's names, addresses and item descriptions
 * after an automated step failed on them. A document received after intake is announced as
 * {@link org.imrflow.intake.DocumentReceived}. The case list, which also shows the clocks, is the case file's
 * ({@code casefile}).
 */
package org.imrflow.intake;
