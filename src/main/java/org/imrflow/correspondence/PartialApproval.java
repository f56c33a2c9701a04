package org.imrflow.correspondence;

/**
 * The part of a disputed request that Utilization Review approved, so that only the rest went to IMR.
 * The letters word it two ways (CM16-0239569, CM16-0229336):
 * <ul>
 * <li>"<request> was the original request. <authorized> was authorized by the Claims Administrator. The
 * remaining IMR eligible portion of the original request, <remainder> is: Upheld";
 * <li>with {@code wholeRequestRemains}, when what was authorized is something else than a part of the
 * request (a skilled nursing facility instead of inpatient rehabilitation), so the whole request stays in
 * dispute: "<request> was the original request. The Claims Administrator authorized <authorized>, leaving
 * the original request IMR eligible. The original request, <remainder> is: Overturned".
 * </ul>
 */
public record PartialApproval(String authorized, String remainder, boolean wholeRequestRemains) {

    public PartialApproval {
        Required.text(authorized, "authorized");
        Required.text(remainder, "remainder");
    }
}
