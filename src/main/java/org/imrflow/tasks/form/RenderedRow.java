package org.imrflow.tasks.form;

import java.util.List;

/**
 * One row of a dynamic list: {@code title} is the row's first readonly field, {@code marker} the bare
 * {@code path[i]} parameter name that keeps the row counted even when nothing in it is sent.
 */
public record RenderedRow(String title, String marker, List<RenderedField> fields) {
}
