package org.imrflow.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** What arrives for a case after intake: documents, and the certification that makes its review expedited. */
@ApiController("/api/cases/{caseNumber}")
@Tag(name = "Cases")
class CaseIntakeApi {

    private final IntakeManagement intake;
    private final ExpeditedConversion conversion;

    CaseIntakeApi(IntakeManagement intake, ExpeditedConversion conversion) {
        this.intake = intake;
        this.conversion = conversion;
    }

    @PostMapping("/documents")
    @Operation(summary = "Add a document received after intake, with its source and date received (coordinators)")
    ResponseEntity<CaseDocument> addDocument(@PathVariable String caseNumber,
                                             @Valid @RequestBody ApplicationForm.DocumentUpload document) {
        CaseDocument added = intake.addDocument(caseNumber, document, Actor.current());
        return ResponseEntity.created(URI.create("/cases/" + caseNumber + "/documents/" + added.id())).body(added);
    }

    @PostMapping("/expedite")
    @Operation(summary = "Convert a regular review to expedited on a physician's certification (coordinators)")
    ResponseEntity<Void> expedite(@PathVariable String caseNumber, @RequestBody Certification certification) {
        conversion.convert(caseNumber, certification.certifyingPhysician(), certification.certifiedOn(),
                Actor.current());
        return ResponseEntity.noContent().build();
    }

    /** The treating physician's certification of an imminent and serious threat to health. */
    record Certification(String certifyingPhysician, LocalDate certifiedOn) {}
}
