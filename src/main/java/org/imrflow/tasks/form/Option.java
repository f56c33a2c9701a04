package org.imrflow.tasks.form;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One choice of a select or radio component. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Option(String label, String value) {
}
