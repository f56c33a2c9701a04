package org.imrflow.correspondence;

/**
 * The kinds of letters a case can receive: one of each, but requests for information, of which a case may be sent
 * several. The public copy is the redacted Final Determination Letter.
 */
public enum LetterKind {
    FINAL_DETERMINATION, INELIGIBILITY_NOTICE, NOTICE_OF_ASSIGNMENT, EXPEDITED_REVIEW_NOTICE, TERMINATION_NOTICE,
    INFORMATION_REQUEST, PUBLIC_COPY;

    /** Whether a case has at most one letter of this kind. */
    public boolean once() {
        return this != INFORMATION_REQUEST;
    }
}
