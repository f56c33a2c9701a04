package org.imrflow.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.imrflow.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The released decisions, for anyone, without signing in: search, and each public copy as text or PDF. */
@ApiController("/api/public/decisions")
@Tag(name = "Published decisions")
class PublicDecisionApi {

    static final int PAGE = 200;

    private final PublicDecisions decisions;

    PublicDecisionApi(PublicDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "Search released decisions by case number, dates, specialty, outcome and treatment category")
    List<PublicDecisionView> search(@ModelAttribute PublicDecisionSearch search) {
        return decisions.search(search, PAGE).stream().map(PublicDecisionView::of).toList();
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "A released decision's search fields")
    PublicDecisionView get(@PathVariable String caseNumber) {
        return PublicDecisionView.of(decisions.released(caseNumber));
    }

    @GetMapping(value = "/{caseNumber}/text", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A released decision's redacted letter as text")
    String text(@PathVariable String caseNumber) {
        return decisions.releasedText(caseNumber);
    }

    @GetMapping(value = "/{caseNumber}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A released decision's redacted letter as PDF")
    byte[] pdf(@PathVariable String caseNumber) {
        return decisions.releasedPdf(caseNumber);
    }
}
