/**
 * The process engine: the Camunda client configuration, the embedded engine and PostgreSQL of the default
 * mode (password authentication, the migrations run as the owner and the application connected as a role of its own,
 * a watchdog that starts PostgreSQL again when its process dies), the timeouts of the application's database
 * connections in both modes, the ledger that records in PostgreSQL where each process of each case stands (the
 * case's own and one per running statutory clock, each on its track) and appends each step they take to an
 * append-only log (entered, completed by whom, left); the outbox through which every command to the engine that
 * follows a commit goes (process creations, messages, job completions: {@code engine_command}, sent after commit and
 * retried by a relay on every instance until the engine confirms them), the guard that lets only a track's confirmed
 * process instance work and cancels a second one, the sweep that starts open tracks without a process, the execution
 * of job workers (idempotent, with retries, backoff and incidents), the embedded engine's state store (in memory,
 * iterated by key prefix as RocksDB iterates; its log, which forgets what the engine has processed, is assembled with
 * it by {@code io.camunda.zeebe.process.test.engine.EmbeddedEngineFactory}), the rebuild of that state from
 * PostgreSQL at start-up, and the process models read as graphs, from which a case's path is drawn (the gateways and
 * flows between its recorded steps are inferred from them). Engine keys are never durable identifiers here: the case
 * number is (a process instance key is recorded only together with the engine lifetime it belongs to).
 */
package org.imrflow.engine;
