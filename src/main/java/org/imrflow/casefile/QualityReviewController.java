package org.imrflow.casefile;

import org.imrflow.security.Actor;
import org.imrflow.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The draft of the Final Determination Letter that a quality review would issue, opened from the task page. */
@PageController
class QualityReviewController {

    private final QualityReviews qualityReviews;

    QualityReviewController(QualityReviews qualityReviews) {
        this.qualityReviews = qualityReviews;
    }

    @GetMapping("/tasks/{id}/letter-preview.pdf")
    ResponseEntity<byte[]> letterPreview(@PathVariable long id) {
        QualityReviews.LetterPreview preview = qualityReviews.letterPreview(id, Actor.current());
        return CasePageController.download(preview.pdf(), MediaType.APPLICATION_PDF,
                preview.caseNumber() + "-letter-draft.pdf", true);
    }
}
