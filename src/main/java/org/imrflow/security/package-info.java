/**
 * Authentication and authorization: users and roles in PostgreSQL with strong password hashes, form login for
 * the web UI and HTTP Basic for the API, throttled per user and per address (locks audited), the current actor, the demo users of the embedded mode, and the first
 * administrator from {@code imr.admin.*} where there are no demo users. Administrators keep the
 * users ({@code UserManagement}, the pages under {@code /admin/users} and the API under
 * {@code /api/admin/users}): roles, deactivation, a new password; every change audited, no password ever shown or
 * logged. Web sessions are kept in PostgreSQL (Spring Session JDBC), shared by every application instance. A session
 * follows its user's account at every request: it ends when the user is deactivated or their
 * password is set anew, and new roles apply at once. Object-level rules (which case a user may see or change) are
 * checked by the services through {@link org.imrflow.security.Actor}.
 */
package org.imrflow.security;
