/**
 * Eligibility: the screening of each application against the eligibility rules (the DMN table
 * {@code bpmn/eligibility-screening.dmn}), the coordinator's review when facts are missing, the start of the
 * determination clock for an eligible case, and the ineligibility notice for one that is not.
 */
package org.imrflow.eligibility;
