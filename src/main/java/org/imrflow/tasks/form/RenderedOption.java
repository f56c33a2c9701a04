package org.imrflow.tasks.form;

/** One choice of a select or radio as the template shows it. */
public record RenderedOption(String id, String label, String value, boolean selected) {
}
