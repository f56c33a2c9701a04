package org.imrflow.correspondence;

/** The kinds of letters a case can receive; the public copy is the redacted Final Determination Letter. */
public enum LetterKind {
    FINAL_DETERMINATION, INELIGIBILITY_NOTICE, NOTICE_OF_ASSIGNMENT, EXPEDITED_REVIEW_NOTICE, TERMINATION_NOTICE, PUBLIC_COPY
}
