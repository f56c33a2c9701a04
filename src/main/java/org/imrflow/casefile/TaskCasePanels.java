package org.imrflow.casefile;

import java.util.List;
import java.util.Optional;
import org.imrflow.NotFoundException;
import org.imrflow.intake.CaseDocument;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.ReviewReturn;
import org.imrflow.security.Actor;
import org.imrflow.tasks.InboxTask;
import org.imrflow.tasks.TaskPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the task page shows beside a task's form: the records a worker must see before deciding (the disputed
 * items, the documents with those received during the review flagged, the reviews sent back) and, at the quality
 * review, what the medical director approves ({@link QualityReviews}). Opening it is audited as a view of the case
 * file.
 */
@Component
class TaskCasePanels implements TaskPanel {

    private final CaseFiles cases;
    private final ClinicalReviews reviews;
    private final QualityReviews qualityReviews;

    TaskCasePanels(CaseFiles cases, ClinicalReviews reviews, QualityReviews qualityReviews) {
        this.cases = cases;
        this.reviews = reviews;
        this.qualityReviews = qualityReviews;
    }

    /** The panel, or empty if the actor may see the task but not its case (a reviewer offered a group task). */
    @Override
    @Transactional
    public Optional<Panel> forTask(InboxTask task, Actor actor) {
        CaseSummary summary;
        try {
            summary = cases.open(task.caseNumber(), actor);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        List<CaseFile.Item> items = cases.items(summary.id()).stream()
                .map(i -> CaseFile.Item.of(i, null))
                .toList();
        List<ReviewReturn> open = reviews.returns(summary.id()).stream().filter(ReviewReturn::open).toList();
        QualityReviews.QualityReview qualityReview = QualityReviews.isQualityReview(task) && task.open()
                ? qualityReviews.of(task, actor) : null;
        return Optional.of(new Panel(summary, items, cases.documents(summary.id()), open,
                reviews.lateDocuments(summary.id()), qualityReview));
    }

    /**
     * {@code lateDocuments}: the ids of the documents received during the review, not yet seen in a review;
     * {@code qualityReview}: what an open quality review approves, else null.
     */
    public record Panel(CaseSummary summary, List<CaseFile.Item> items, List<CaseDocument> documents,
                        List<ReviewReturn> openReturns, List<Long> lateDocuments,
                        QualityReviews.QualityReview qualityReview) {}
}
