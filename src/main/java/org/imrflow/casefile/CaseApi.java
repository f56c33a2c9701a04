package org.imrflow.casefile;

import org.imrflow.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.imrflow.correspondence.LetterInfo;
import org.imrflow.correspondence.Letters;
import org.imrflow.intake.ApplicationForm;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.IntakeManagement;
import org.imrflow.security.Actor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** Intake and case reading for integrations. */
@ApiController("/api/cases")
@Tag(name = "Cases")
class CaseApi {

    private final IntakeManagement intake;
    private final CaseFileAssembler caseFiles;
    private final CaseFiles cases;
    private final Letters letters;
    private final IncidentRetries incidents;

    CaseApi(IntakeManagement intake, CaseFileAssembler caseFiles, CaseFiles cases, Letters letters,
            IncidentRetries incidents) {
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.cases = cases;
        this.letters = letters;
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Receive an Application for Independent Medical Review (coordinators)")
    ResponseEntity<Map<String, String>> receive(@Valid @RequestBody ApplicationForm application) {
        String caseNumber = intake.receive(application, List.of(), Actor.current());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber)).body(Map.of("caseNumber", caseNumber));
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "A case's file: application, items and decisions, documents, tasks, letters, history")
    CaseFile get(@PathVariable String caseNumber) {
        return caseFiles.open(caseNumber, Actor.current());
    }

    @GetMapping("/{caseNumber}/letters")
    @Operation(summary = "The letters issued for a case")
    List<LetterInfo> letters(@PathVariable String caseNumber) {
        return letters.forCase(cases.visible(caseNumber, Actor.current()).id());
    }

    @GetMapping(value = "/{caseNumber}/letters/{letterId}", produces = MediaType.TEXT_PLAIN_VALUE)
    String letterText(@PathVariable String caseNumber, @PathVariable long letterId) {
        return letters.text(cases.reference(caseNumber, Actor.current()), letterId);
    }

    @GetMapping(value = "/{caseNumber}/letters/{letterId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    byte[] letterPdf(@PathVariable String caseNumber, @PathVariable long letterId) {
        return letters.pdf(cases.reference(caseNumber, Actor.current()), letterId);
    }

    @PostMapping("/{caseNumber}/incidents/{incidentId}/retry")
    @Operation(summary = "Run a failed automated step again (coordinators)")
    ResponseEntity<Void> retry(@PathVariable String caseNumber, @PathVariable long incidentId) {
        incidents.retry(caseNumber, incidentId, Actor.current());
        return ResponseEntity.noContent().build();
    }

}
