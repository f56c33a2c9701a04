package org.imrflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.imrflow.ConflictException;
import org.imrflow.NotFoundException;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.ReviewerCredentials;
import org.imrflow.determination.DeterminationManagement;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.GuidelineFindings;
import org.imrflow.review.ItemReview;
import org.imrflow.review.ReviewReturn;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.tasks.InboxTask;
import org.imrflow.tasks.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the medical director approves at the quality review, shown beside its form: the clinical case summary, each
 * item's decision with its guideline lines and rationale, what the guideline check finds, the reviewers' credentials
 * as the letter prints them, and the Final Determination Letter as approval would issue it, previewed as a draft.
 * The preview is for whoever works the quality review or may take it: a medical director.
 */
@Service
class QualityReviews {

    private final TaskInbox inbox;
    private final CaseFiles cases;
    private final ClinicalReviews reviews;
    private final DeterminationManagement determinations;

    QualityReviews(TaskInbox inbox, CaseFiles cases, ClinicalReviews reviews, DeterminationManagement determinations) {
        this.inbox = inbox;
        this.cases = cases;
        this.reviews = reviews;
        this.determinations = determinations;
    }

    static boolean isQualityReview(InboxTask task) {
        return ClinicalReviews.QUALITY_REVIEW_FORM.equals(task.formKey());
    }

    /** Whether the actor may preview the letter of this task: an open quality review a medical director works or may take. */
    boolean mayPreview(InboxTask task, Actor actor) {
        return isQualityReview(task) && task.open() && actor.has(Role.MEDICAL_DIRECTOR)
                && (inbox.mayWork(task, actor) || inbox.mayClaim(task, actor));
    }

    /**
     * What the open quality review of a case the actor has opened puts before the medical director; the caller has
     * checked the actor may see the task and its case.
     */
    @Transactional(readOnly = true)
    QualityReview of(InboxTask task, Actor actor) {
        long caseId = task.caseId();
        Map<Long, ItemReview> decided = reviews.itemReviews(caseId).stream()
                .collect(Collectors.toMap(ItemReview::itemId, Function.identity()));
        List<CaseFile.Item> items = cases.items(caseId).stream()
                .map(i -> CaseFile.Item.of(i, decided.get(i.id())))
                .toList();
        List<ReviewerCredentials> credentials = determinations.draftFacts(new CaseRef(caseId, task.caseNumber()))
                .map(QualityReviews::credentials).orElse(List.of());
        return new QualityReview(reviews.clinicalCaseSummaries(caseId), items, reviews.guidelineFindings(caseId),
                reviews.returns(caseId), credentials, mayPreview(task, actor));
    }

    /**
     * The Final Determination Letter of the task's case as approving the review today would issue it, marked as a
     * draft (PDF). A task the actor may not see is not found; a task that is not an open quality review has no letter
     * to preview; anyone but a medical director who works or may take the task is refused.
     */
    @Transactional
    LetterPreview letterPreview(long taskId, Actor actor) {
        InboxTask task = inbox.get(taskId, actor);
        if (!isQualityReview(task)) {
            throw new NotFoundException("Task " + taskId + " is not a quality review: it has no letter to preview.");
        }
        if (!task.open()) {
            throw new ConflictException("The quality review is done: the letter issued is on the case page.");
        }
        if (!mayPreview(task, actor)) {
            throw new AccessDeniedException("Only the medical director who works the quality review may preview the letter.");
        }
        byte[] pdf = determinations.previewLetter(new CaseRef(task.caseId(), task.caseNumber()), actor);
        return new LetterPreview(task.caseNumber(), pdf);
    }

    /** The credential blocks the letter prints: one for a single reviewer, one per reviewer for a panel. */
    private static List<ReviewerCredentials> credentials(DeterminationLetterContent letter) {
        return letter.panel().isEmpty() ? List.of(letter.credentials()) : letter.panel();
    }

    /** A previewed letter: the case's number names the file. */
    public record LetterPreview(String caseNumber, byte[] pdf) {}

    /**
     * The quality review's content. {@code summaries} and {@code guidelineCheck} have one entry per reviewer, in the
     * order they were assigned; {@code credentials} is empty while the letter cannot yet be stated.
     */
    public record QualityReview(List<String> summaries, List<CaseFile.Item> items, List<GuidelineFindings> guidelineCheck,
                         List<ReviewReturn> returns, List<ReviewerCredentials> credentials, boolean mayPreview) {

        /** Whether the reviewers are a panel, whose summaries, checks and credentials the page numbers. */
        public boolean panel() {
            return guidelineCheck.size() > 1;
        }
    }
}
