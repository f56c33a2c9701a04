package org.imrflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseRef;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing a notice is idempotent: the process may deliver the same job twice, and the second delivery must
 * return the notice already issued rather than render, store or audit another one. The archive's unique
 * (case, kind) key backs this up in the database; here the service's side of it is checked without one.
 */
class LettersTest {

    static final CaseRef CASE = new CaseRef(42, "CM26-0012345");

    final LetterRenderer renderer = mock(LetterRenderer.class);
    final LetterArchive archive = mock(LetterArchive.class);
    final AuditLog audit = mock(AuditLog.class);
    final Letters letters = new Letters(renderer, archive, audit);

    @Test
    void issuesTheNoticeOfAssignmentOnceAndReturnsItOnARepeatedRequest() {
        RenderedLetter rendered = new LetterRenderer().renderNoticeOfAssignment(NoticeOfAssignmentTest.NOTICE);
        when(renderer.renderNoticeOfAssignment(NoticeOfAssignmentTest.NOTICE)).thenReturn(rendered);
        LetterInfo stored = info(LetterKind.NOTICE_OF_ASSIGNMENT, rendered);
        when(archive.find(CASE.caseId(), LetterKind.NOTICE_OF_ASSIGNMENT)).thenReturn(Optional.empty());
        when(archive.store(CASE.caseId(), LetterKind.NOTICE_OF_ASSIGNMENT, rendered)).thenReturn(stored);

        assertThat(letters.issueNoticeOfAssignment(CASE, NoticeOfAssignmentTest.NOTICE)).isEqualTo(stored);
        verify(audit).record("LETTER_ISSUED", CASE.caseNumber(),
                "Notice of Assignment and Request for Information sha256 " + rendered.sha256());

        LettersTest repeat = new LettersTest();
        when(repeat.archive.find(CASE.caseId(), LetterKind.NOTICE_OF_ASSIGNMENT)).thenReturn(Optional.of(stored));
        assertThat(repeat.letters.issueNoticeOfAssignment(CASE, NoticeOfAssignmentTest.NOTICE)).isEqualTo(stored);
        repeat.verifyNothingIssued();
    }

    @Test
    void issuesTheExpeditedReviewNoticeOnceAndReturnsItOnARepeatedRequest() {
        RenderedLetter rendered = new LetterRenderer().renderExpeditedReviewNotice(ExpeditedReviewNoticeTest.NOTICE);
        when(renderer.renderExpeditedReviewNotice(ExpeditedReviewNoticeTest.NOTICE)).thenReturn(rendered);
        LetterInfo stored = info(LetterKind.EXPEDITED_REVIEW_NOTICE, rendered);
        when(archive.find(CASE.caseId(), LetterKind.EXPEDITED_REVIEW_NOTICE)).thenReturn(Optional.empty());
        when(archive.store(CASE.caseId(), LetterKind.EXPEDITED_REVIEW_NOTICE, rendered)).thenReturn(stored);

        assertThat(letters.issueExpeditedReviewNotice(CASE, ExpeditedReviewNoticeTest.NOTICE)).isEqualTo(stored);
        verify(audit).record("LETTER_ISSUED", CASE.caseNumber(),
                "Notice of Expedited Review sha256 " + rendered.sha256());

        LettersTest repeat = new LettersTest();
        when(repeat.archive.find(CASE.caseId(), LetterKind.EXPEDITED_REVIEW_NOTICE)).thenReturn(Optional.of(stored));
        assertThat(repeat.letters.issueExpeditedReviewNotice(CASE, ExpeditedReviewNoticeTest.NOTICE)).isEqualTo(stored);
        repeat.verifyNothingIssued();
    }

    @Test
    void noticesAreIssuedOnlyInsideTheCallersTransaction() throws NoSuchMethodException {
        // the notice and the state change that sends it must commit together, as the other letters do
        for (var method : new java.lang.reflect.Method[] {
                Letters.class.getMethod("issueNoticeOfAssignment", CaseRef.class, NoticeOfAssignmentContent.class),
                Letters.class.getMethod("issueExpeditedReviewNotice", CaseRef.class, ExpeditedReviewNoticeContent.class)}) {
            assertThat(method.getAnnotation(Transactional.class).propagation()).as(method.getName())
                    .isEqualTo(Propagation.MANDATORY);
        }
    }

    private void verifyNothingIssued() {
        verify(archive, never()).store(any(Long.class), any(), any());
        verify(audit, never()).record(anyString(), anyString(), anyString());
        verify(renderer, never()).renderNoticeOfAssignment(any());
        verify(renderer, never()).renderExpeditedReviewNotice(any());
    }

    private static LetterInfo info(LetterKind kind, RenderedLetter letter) {
        return new LetterInfo(7, CASE.caseId(), kind, letter.title(), letter.sha256(), Instant.parse("2026-12-01T17:00:00Z"));
    }
}
