/**
 * The human task inbox: the engine's job-worker-based user tasks held in PostgreSQL (one open task per case,
 * track and element, surviving engine restarts; withdrawn when their process leaves them), "My tasks" and
 * "Group tasks" due when their case's deadline is, claim, unclaim and assign, each task's Camunda form rendered
 * and validated server-side, and completion. The only module that knows how user tasks are implemented.
 */
package org.imrflow.tasks;
