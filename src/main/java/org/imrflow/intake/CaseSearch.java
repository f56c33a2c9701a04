package org.imrflow.intake;

/**
 * A search of the case list: free text (case number or worker name), a stage, a sort order and a page.
 */
public record CaseSearch(String text, Stage stage, Sort sort, int page, int size) {

    public enum Sort { DUE, RECEIVED, CASE_NUMBER }

    public CaseSearch {
        text = text == null ? "" : text.strip();
        sort = sort == null ? Sort.DUE : sort;
        page = Math.max(page, 0);
        size = size <= 0 || size > 100 ? 20 : size;
    }
}
