package org.imrflow.casefile;

import org.imrflow.web.PageController;
import java.nio.charset.StandardCharsets;
import org.imrflow.correspondence.Letters;
import org.imrflow.publication.PublicDecisions;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page, its letters and the retry of failed steps. */
@PageController
class CasePageController {

    private final CasePageView page;
    private final CaseFiles cases;
    private final Letters letters;
    private final PublicDecisions publicDecisions;
    private final IncidentRetries retries;

    CasePageController(CasePageView page, CaseFiles cases, Letters letters, PublicDecisions publicDecisions,
                       IncidentRetries retries) {
        this.publicDecisions = publicDecisions;
        this.page = page;
        this.cases = cases;
        this.letters = letters;
        this.retries = retries;
    }

    @GetMapping("/cases/{caseNumber}")
    String show(@PathVariable String caseNumber, Model model) {
        return page.render(caseNumber, model);
    }

    @GetMapping("/cases/{caseNumber}/letters/{letterId}.pdf")
    ResponseEntity<byte[]> letterPdf(@PathVariable String caseNumber, @PathVariable long letterId) {
        byte[] pdf = letters.pdf(cases.reference(caseNumber, Actor.current()), letterId);
        return download(pdf, MediaType.APPLICATION_PDF, caseNumber + "-letter-" + letterId + ".pdf", true);
    }

    @GetMapping("/cases/{caseNumber}/letters/{letterId}.txt")
    ResponseEntity<byte[]> letterText(@PathVariable String caseNumber, @PathVariable long letterId) {
        byte[] text = letters.text(cases.reference(caseNumber, Actor.current()), letterId).getBytes(StandardCharsets.UTF_8);
        return download(text, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
                caseNumber + "-letter-" + letterId + ".txt", true);
    }

    /** The public copy as it reads now, for review before it is released. */
    @GetMapping("/cases/{caseNumber}/public-copy.txt")
    ResponseEntity<byte[]> publicCopy(@PathVariable String caseNumber) {
        byte[] text = publicDecisions.preview(caseNumber, Actor.current()).text().getBytes(StandardCharsets.UTF_8);
        return download(text, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8),
                caseNumber + "-public-copy.txt", true);
    }

    @PostMapping("/cases/{caseNumber}/incidents/{incidentId}/retry")
    String retry(@PathVariable String caseNumber, @PathVariable long incidentId, RedirectAttributes redirect) {
        retries.retry(caseNumber, incidentId, Actor.current());
        redirect.addFlashAttribute("message", "incident.retried");
        return "redirect:/cases/" + caseNumber;
    }

    /** A file for the browser: shown inline or saved, never sniffed as something else. */
    static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
