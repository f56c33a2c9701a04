/**
 * Publication: the redacted public copy of every Final Determination Letter (domain.md §6.5). When a
 * determination is issued its public copy is prepared, without the cover, the names, the addresses and the claim
 * number, and with the names of people and providers removed from the narrative; a coordinator reviews it, may
 * have more names removed, and releases it. Released decisions are listed and searched, anonymously, by the DWC
 * search fields (case number, dates, specialty, outcome, treatment category). Ineligible and withdrawn cases never
 * reach it: only an issued determination does.
 */

package org.imrflow.publication;
