package org.imrflow.publication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.imrflow.InvalidInputException;
import org.imrflow.intake.TreatmentCategory;
import org.imrflow.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages of released decisions: the search, and each redacted letter. Nobody signs in for them. */
@PageController
class PublicDecisionPages {

    private final PublicDecisions decisions;

    PublicDecisionPages(PublicDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping("/decisions")
    String search(@ModelAttribute("search") PublicDecisionSearch search, Model model) {
        try {
            model.addAttribute("decisions", decisions.search(search, PublicDecisionApi.PAGE).stream()
                    .map(PublicDecisionView::of).toList());
        } catch (InvalidInputException e) {
            model.addAttribute("decisions", List.of());
            model.addAttribute("searchErrors", e.fieldErrors().values());
        }
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("categories", TreatmentCategory.values());
        return "decisions/list";
    }

    @GetMapping("/decisions/{caseNumber}")
    String decision(@PathVariable String caseNumber, Model model) {
        model.addAttribute("decision", PublicDecisionView.of(decisions.released(caseNumber)));
        model.addAttribute("text", decisions.releasedText(caseNumber));
        return "decisions/detail";
    }

    @GetMapping("/decisions/{caseNumber}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String caseNumber) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + caseNumber + ".pdf\"")
                .body(decisions.releasedPdf(caseNumber));
    }

    @GetMapping("/decisions/{caseNumber}.txt")
    ResponseEntity<byte[]> text(@PathVariable String caseNumber) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(decisions.releasedText(caseNumber).getBytes(StandardCharsets.UTF_8));
    }
}
