package org.imrflow.review;

import java.util.List;
import java.util.Map;
import org.imrflow.tasks.TaskContext;
import org.imrflow.tasks.TaskFormHandler;
import org.springframework.stereotype.Component;

/** "Review case": the reviewer's clinical case summary and per-item decisions, kept in PostgreSQL. */
@Component
class ReviewCaseHandler implements TaskFormHandler {

    private final ClinicalReviews reviews;

    ReviewCaseHandler(ClinicalReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public String formKey() {
        return "review-case";
    }

    @Override
    public Map<String, Object> prefill(TaskContext task) {
        // the form of the reviewer whose task it is, whoever looks at it
        Object reviewer = task.variables().get("reviewerUsername");
        return reviews.reviewForm(task.caseRef().caseId(),
                reviewer instanceof String username ? username : task.actor().username());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> complete(TaskContext task, Map<String, Object> values) {
        reviews.submit(task.caseRef(), task.actor().username(), (String) values.get("clinicalCaseSummary"),
                (List<Map<String, Object>>) values.get("items"));
        return Map.of();
    }
}
