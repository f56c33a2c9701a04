package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The quality review's letter preview for integrations: the same rules as the task page's. */
@ApiController("/api/tasks")
@Tag(name = "Tasks")
class QualityReviewApi {

    private final QualityReviews qualityReviews;

    QualityReviewApi(QualityReviews qualityReviews) {
        this.qualityReviews = qualityReviews;
    }

    @GetMapping(value = "/{id}/letter-preview", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The Final Determination Letter a quality review would issue, as a draft PDF (medical directors)")
    ResponseEntity<byte[]> letterPreview(@PathVariable long id) {
        QualityReviews.LetterPreview preview = qualityReviews.letterPreview(id, Actor.current());
        return CasePageController.download(preview.pdf(), MediaType.APPLICATION_PDF,
                preview.caseNumber() + "-letter-draft.pdf", true);
    }
}
