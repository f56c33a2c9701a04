/**
 * The process engine: the Camunda client configuration, the embedded engine and PostgreSQL of the default
 * mode (password authentication, the migrations run as the owner and the application connected as a role of its own,
 * a watchdog that starts PostgreSQL again when its process dies), the timeouts of the application's database
 * connections in both modes, the ledger that records in PostgreSQL where each process of each case stands (the
 * case's own and one per running statutory clock, each on its track) and appends each step they take to an
 * append-only log (entered, completed by whom, left), messages to those processes sent after commit, the execution
 * of job workers (idempotent, with retries, backoff and incidents), the rebuild of the embedded engine's
 * state from PostgreSQL at start-up, and the process models read as graphs, from which a case's path is drawn (the
 * gateways and flows between its recorded steps are inferred from them). Engine keys are never durable identifiers here: the case number is.
 */
package org.imrflow.engine;
