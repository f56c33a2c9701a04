/**
 * The web layer shared by all modules, depending on none of them: the layout and sign-in, the stereotypes
 * that tell UI controllers ({@link org.imrflow.web.PageController}) from JSON ones
 * ({@link org.imrflow.web.ApiController}), error pages for the UI and problem details for the API (also for errors
 * raised before a controller), the 503 answer while the application starts or its database is out, California
 * dates for display, and the input policy ({@link org.imrflow.InputPolicy}) applied to every request: strict JSON
 * ({@code StrictJson}) and the binding of forms, query parameters and path variables
 * ({@link org.imrflow.web.InputBinding}). Pages and endpoints of a module live in that module.
 */
package org.imrflow.web;
