/**
 * The process engine: the Camunda client configuration, the embedded engine and PostgreSQL of the default
 * mode, the case process ledger that records in PostgreSQL where each case stands in its process, the
 * execution of job workers (idempotent, with retries, backoff and incidents), and the rebuild of the
 * embedded engine's state from PostgreSQL at start-up. Engine keys are never durable identifiers here:
 * the case number is.
 */
package org.imrflow.engine;
