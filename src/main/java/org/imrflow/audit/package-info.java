/**
 * The audit log: an append-only record, written in the same transaction as the change it records, of who did
 * what to which case, when and from where (logins, views of medical content, task claims and completions,
 * decisions, letters). Each case's history is built from it. The entries form a SHA-256 hash chain ({@link
 * org.imrflow.audit.AuditChain}), verified on demand, on a schedule and from the command line, and anchored
 * outside the database (docs/audit.md). Each kind of entry is an {@link org.imrflow.audit.AuditKind} with its words;
 * {@link org.imrflow.audit.AuditSearch} reads the log across cases, a page or a cursor at a time.
 */
package org.imrflow.audit;
