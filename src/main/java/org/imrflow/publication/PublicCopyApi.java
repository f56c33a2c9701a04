package org.imrflow.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.imrflow.NotFoundException;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** A case's public copy for the coordinators: where it stands, how it reads, more names removed, its release. */
@ApiController("/api/cases/{caseNumber}/public-copy")
@Tag(name = "Published decisions")
class PublicCopyApi {

    private final PublicDecisions decisions;

    PublicCopyApi(PublicDecisions decisions) {
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "The case's public copy: prepared, released, the names removed besides the parties'")
    PublicDecision get(@PathVariable String caseNumber) {
        return decisions.of(caseNumber, Actor.current())
                .orElseThrow(() -> new NotFoundException("Case " + caseNumber + " has no public copy yet."));
    }

    @GetMapping(value = "/text", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The public copy as it reads now (released, or as it would be released)")
    String text(@PathVariable String caseNumber) {
        return decisions.preview(caseNumber, Actor.current()).text();
    }

    @PostMapping("/redactions")
    @Operation(summary = "Have more names removed from a copy not yet released (coordinators)")
    PublicDecision redact(@PathVariable String caseNumber, @RequestBody Redactions redactions) {
        return decisions.redact(caseNumber, redactions.names(), Actor.current());
    }

    @PostMapping("/release")
    @Operation(summary = "Release the public copy (coordinators); releasing again changes nothing")
    PublicDecision release(@PathVariable String caseNumber) {
        return decisions.release(caseNumber, Actor.current());
    }

    /** Names to remove from the narrative, one per entry. */
    record Redactions(List<String> names) {}
}
