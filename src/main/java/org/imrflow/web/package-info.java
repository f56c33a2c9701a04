/**
 * The web layer shared by all modules: the layout, the dashboard, error pages and the JSON API's error
 * bodies. Module pages and API endpoints live in their modules' web controllers.
 */
package org.imrflow.web;
