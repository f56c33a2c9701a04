package org.imrflow.casefile;

import org.imrflow.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.imrflow.correspondence.LetterDelivery;
import org.imrflow.correspondence.LetterDeliveries;
import org.imrflow.correspondence.LetterInfo;
import org.imrflow.correspondence.Letters;
import org.imrflow.assignment.PanelApprovals;
import org.imrflow.assignment.ReviewerWithdrawal;
import org.imrflow.determination.CaseTermination;
import org.imrflow.eligibility.InformationRequests;
import org.imrflow.intake.ApplicationForm;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.IntakeManagement;
import org.imrflow.intake.PartyRole;
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

    private final LetterDeliveries deliveries;
    private final CaseTermination terminations;
    private final ReviewerWithdrawal withdrawals;
    private final PanelApprovals panelApprovals;
    private final InformationRequests informationRequests;

    CaseApi(IntakeManagement intake, CaseFileAssembler caseFiles, CaseFiles cases, Letters letters,
            LetterDeliveries deliveries, CaseTermination terminations, ReviewerWithdrawal withdrawals, PanelApprovals panelApprovals,
            InformationRequests informationRequests,
            IncidentRetries incidents) {
        this.informationRequests = informationRequests;
        this.deliveries = deliveries;
        this.terminations = terminations;
        this.withdrawals = withdrawals;
        this.panelApprovals = panelApprovals;
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

    @GetMapping("/{caseNumber}/deliveries")
    @Operation(summary = "The delivery log: each recipient of each letter, how and when it was sent and received")
    List<LetterDelivery> deliveries(@PathVariable String caseNumber) {
        return deliveries.forCase(cases.visible(caseNumber, Actor.current()).id());
    }

    @PostMapping("/{caseNumber}/deliveries/{deliveryId}/receipt")
    @Operation(summary = "Record the date a recipient received a letter (coordinators)")
    LetterDelivery receipt(@PathVariable String caseNumber, @PathVariable long deliveryId,
                           @RequestBody Receipt receipt) {
        Actor actor = Actor.current();
        return deliveries.received(cases.reference(caseNumber, actor), deliveryId, receipt.receivedOn(), actor);
    }

    @PostMapping("/{caseNumber}/information-requests")
    @Operation(summary = "Ask parties for information the eligibility review needs (coordinators); they have 5 "
            + "business days from receipt")
    ResponseEntity<LetterInfo> requestInformation(@PathVariable String caseNumber,
                                                  @RequestBody InformationRequest request) {
        LetterInfo letter = informationRequests.send(caseNumber, request.to(), request.requested(), Actor.current());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/letters/" + letter.id())).body(letter);
    }

    @PostMapping("/{caseNumber}/terminate")
    @Operation(summary = "Record that the claims administrator authorized the disputed treatment: the review is "
            + "terminated and the parties are notified (coordinators)")
    ResponseEntity<Void> terminate(@PathVariable String caseNumber, @RequestBody Termination termination) {
        terminations.terminate(caseNumber, termination.treatmentAuthorizedOn(), termination.reason(), Actor.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{caseNumber}/reviewer/withdrawal")
    @Operation(summary = "Withdraw the reviewer who accepted the case, saying why: their review is kept in the "
            + "history, and the case returns to the ranking without them (coordinators)")
    ResponseEntity<Void> withdrawReviewer(@PathVariable String caseNumber, @RequestBody Withdrawal withdrawal) {
        withdrawals.withdraw(caseNumber, withdrawal.reason(), withdrawal.reviewer(), Actor.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{caseNumber}/panel-approval")
    @Operation(summary = "Record the Administrative Director's written approval of several reviewers (2 or 3) for the "
            + "case, before reviewers are ranked for it (coordinators, medical directors)")
    ResponseEntity<PanelApprovals.PanelApproval> approvePanel(@PathVariable String caseNumber,
                                                              @RequestBody PanelApprovalRequest approval) {
        return ResponseEntity.status(201).body(panelApprovals.record(caseNumber, approval.reviewers(),
                approval.approvedOn(), approval.reference(), Actor.current()));
    }

    @PostMapping("/{caseNumber}/incidents/{incidentId}/retry")
    @Operation(summary = "Run a failed automated step again (coordinators)")
    ResponseEntity<Void> retry(@PathVariable String caseNumber, @PathVariable long incidentId) {
        incidents.retry(caseNumber, incidentId, Actor.current());
        return ResponseEntity.noContent().build();
    }

    /** The parties asked, and what for, one item per entry. */
    record InformationRequest(List<PartyRole> to, List<String> requested) {}

    /** The date the claims administrator authorized the treatment, and what the coordinator notes of it. */
    record Termination(LocalDate treatmentAuthorizedOn, String reason) {}

    /** Why the reviewer is withdrawn from the case, and for a panel which reviewer (their login). */
    record Withdrawal(String reason, String reviewer) {}

    /** The Administrative Director's written approval of several reviewers. */
    record PanelApprovalRequest(Integer reviewers, LocalDate approvedOn, String reference) {}

    /** The date a recipient received a letter. */
    record Receipt(LocalDate receivedOn) {}
}
