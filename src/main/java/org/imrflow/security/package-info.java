/**
 * Authentication and authorization: users and roles in PostgreSQL with strong password hashes, form login for
 * the web UI and HTTP Basic for the API, the current actor, and the demo users of the embedded mode.
 * Object-level rules (which case a user may see or change) are checked by the services through {@link
 * org.imrflow.security.Actor}.
 */
package org.imrflow.security;
