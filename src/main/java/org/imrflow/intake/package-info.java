/**
 * Intake: the IMR application (DWC Form IMR data) as a case, with its parties, disputed items and documents
 * received with it or later; the case number; the case's lifecycle stage; reading cases, with each read checked
 * against the actor's access. The case list, which also shows the clocks, is the case file's ({@code casefile}).
 */
package org.imrflow.intake;
