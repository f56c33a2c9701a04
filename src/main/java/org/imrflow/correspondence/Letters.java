package org.imrflow.correspondence;

import java.util.List;
import java.util.function.Supplier;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues letters and reads issued ones. Issuing is idempotent: a case has at most one letter of each kind,
 * and a repeated request returns the letter already issued, unchanged. Callers check who may read a case.
 */
@Service
public class Letters {

    private final LetterRenderer renderer;
    private final LetterArchive archive;
    private final AuditLog audit;

    Letters(LetterRenderer renderer, LetterArchive archive, AuditLog audit) {
        this.renderer = renderer;
        this.archive = archive;
        this.audit = audit;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueDetermination(CaseRef ref, DeterminationLetterContent content) {
        return issueOnce(ref, LetterKind.FINAL_DETERMINATION, () -> renderer.renderDetermination(content));
    }

    /**
     * Stores the Final Determination Letter of a determination issued elsewhere, rendered again from the facts read
     * off it, in the template version they were read in: the case's letter is then this system's rendering of the
     * same words, with its own PDF and SHA-256. A case that has its letter already keeps it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo importDetermination(CaseRef ref, DeterminationLetterContent content) {
        return archive.find(ref.caseId(), LetterKind.FINAL_DETERMINATION).orElseGet(() -> {
            LetterInfo letter = archive.store(ref.caseId(), LetterKind.FINAL_DETERMINATION,
                    renderer.renderDetermination(content), content.templateVersion(), true);
            audit.record("LETTER_IMPORTED", ref.caseNumber(), letter.title() + " of template version "
                    + content.templateVersion() + ", rendered again from the imported letter; sha256 " + letter.sha256());
            return letter;
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueIneligibilityNotice(CaseRef ref, IneligibilityNoticeContent content) {
        return issueOnce(ref, LetterKind.INELIGIBILITY_NOTICE, () -> renderer.renderIneligibilityNotice(content));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueNoticeOfAssignment(CaseRef ref, NoticeOfAssignmentContent content) {
        return issueOnce(ref, LetterKind.NOTICE_OF_ASSIGNMENT, () -> renderer.renderNoticeOfAssignment(content));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueExpeditedReviewNotice(CaseRef ref, ExpeditedReviewNoticeContent content) {
        return issueOnce(ref, LetterKind.EXPEDITED_REVIEW_NOTICE,
                () -> renderer.renderExpeditedReviewNotice(content));
    }

    @Transactional(readOnly = true)
    public List<LetterInfo> forCase(long caseId) {
        return archive.forCase(caseId);
    }

    @Transactional
    public String text(CaseRef ref, long letterId) {
        String text = archive.text(ref.caseId(), letterId).orElseThrow(() -> noLetter(ref));
        audit.record("LETTER_VIEWED", ref.caseNumber(), "letter " + letterId + " as text");
        return text;
    }

    @Transactional
    public byte[] pdf(CaseRef ref, long letterId) {
        byte[] pdf = archive.pdf(ref.caseId(), letterId).orElseThrow(() -> noLetter(ref));
        audit.record("LETTER_VIEWED", ref.caseNumber(), "letter " + letterId + " as PDF");
        return pdf;
    }

    /**
     * The letter of this kind already issued for the case, or a new one. Rendering waits until the archive
     * has none, so a repeated request neither re-renders nor audits a second issue.
     */
    private LetterInfo issueOnce(CaseRef ref, LetterKind kind, Supplier<RenderedLetter> render) {
        return archive.find(ref.caseId(), kind)
                .orElseGet(() -> issued(ref, archive.store(ref.caseId(), kind, render.get())));
    }

    private LetterInfo issued(CaseRef ref, LetterInfo letter) {
        audit.record("LETTER_ISSUED", ref.caseNumber(), letter.title() + " sha256 " + letter.sha256());
        return letter;
    }

    private static NotFoundException noLetter(CaseRef ref) {
        return new NotFoundException("No such letter for case " + ref.caseNumber() + ".");
    }
}
