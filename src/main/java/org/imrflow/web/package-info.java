/**
 * The web layer shared by all modules: the layout, sign-in, the dashboard, error pages for the UI and problem
 * details for the JSON API, California dates, and the case file, which assembles what every module adds to a
 * case for the case page and {@code GET /api/cases/{caseNumber}}. Pages and endpoints of a single module live
 * in that module.
 */
package org.imrflow.web;
