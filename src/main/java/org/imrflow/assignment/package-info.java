/**
 * Reviewer selection: the reviewer panel (licensure, specialties as letters print them, practice, capacity,
 * affiliations, sanctions, leave) and its administration by administrators, the screening of the panel for a case
 * (a reviewer who is qualified on the day, fits every disputed item and has no affiliation with the case's
 * parties, the lightest load first), the coordinator's choice, and the reviewer's acceptance with a no-conflict
 * attestation, or decline.
 */
package org.imrflow.assignment;
