package org.imrflow.review;

import java.util.Map;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Quality review": the medical director approves the determination or returns it to the reviewer. */
@Component
class QualityReviewHandler implements TaskFormHandler {

    private final ClinicalReviews reviews;

    QualityReviewHandler(ClinicalReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String formKey() {
        return ClinicalReviews.QUALITY_REVIEW_FORM;
    }

    @Override
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        reviews.qualityReview(task.caseRef(), task.actor().username(), "APPROVE".equals(values.get("qaDecision")),
                (String) values.get("qaComments"));
        return Map.of();
    }
}
