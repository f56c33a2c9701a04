package org.imrflow.correspondence;

/** The kinds of letters a case can receive. */
public enum LetterKind {
    FINAL_DETERMINATION, INELIGIBILITY_NOTICE, NOTICE_OF_ASSIGNMENT, EXPEDITED_REVIEW_NOTICE
}
