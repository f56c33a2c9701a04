/**
 * Camunda Forms for the human-task inbox: the form files under {@code forms/} are parsed into
 * {@link org.imrflow.tasks.form.FormDefinition}s, rendered server-side by the Thymeleaf fragment
 * {@code templates/tasks/form-fields.html} and submissions are validated server-side against the same schema,
 * so the browser is never trusted with what a task may complete with.
 */
package org.imrflow.tasks.form;
