/**
 * Authentication and authorization: users and roles in PostgreSQL with strong password hashes, form login for
 * the web UI and HTTP Basic for the API, throttled per user and per address (locks audited); personal API tokens
 * ({@code ApiTokens}, {@code Authorization: Bearer imr_...} on {@code /api/**}, stored as SHA-256, issued only with a
 * password, acting with their roles that the user still has, refused alike and audited, counted against the address
 * like wrong passwords; the API {@code /api/tokens} and the page {@code /account/tokens}); the current actor, the
 * demo users of the embedded mode, and the first
 * administrator from {@code imr.admin.*} where there are no demo users. Administrators keep the
 * users ({@code UserManagement}, the pages under {@code /admin/users} and the API under
 * {@code /api/admin/users}): roles, deactivation, a new password; every change audited, no password ever shown or
 * logged. Web sessions are kept in PostgreSQL (Spring Session JDBC), shared by every application instance. A session
 * follows its user's account at every request: it ends when the user is deactivated or their
 * password is set anew, and new roles apply at once. Object-level rules (which case a user may see or change) are
 * checked by the services through {@link org.imrflow.security.Actor}.
 */
package org.imrflow.security;
