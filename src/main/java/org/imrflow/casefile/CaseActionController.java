package org.imrflow.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.correspondence.LetterDeliveries;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.assignment.PanelApprovals;
import org.imrflow.assignment.ReviewerWithdrawal;
import org.imrflow.determination.CaseTermination;
import org.imrflow.eligibility.InformationRequests;
import org.imrflow.intake.CaseCorrections;
import org.imrflow.intake.CaseDocument;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.ExpeditedConversion;
import org.imrflow.intake.IntakeManagement;
import org.imrflow.intake.PartyRole;
import org.imrflow.publication.PublicDecisions;
import org.imrflow.records.RecordsManagement;
import org.imrflow.security.Actor;
import org.imrflow.web.InputBinding;
import org.imrflow.web.PageController;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's actions on the case page: a document received after intake, the record set marked complete,
 * the conversion to an expedited review, the Administrative Director's extension of the determination, a letter's
 * receipt, a request for information during the eligibility review, the termination of a review whose treatment
 * was authorized, the withdrawal of the reviewer who accepted the case, the public copy's redaction and release, and
 * the correction of the case's data after a failed step. Each
 * is a service call that checks the actor's role; rejected input shows the case page again with the errors next
 * to the fields, and a conflict (someone acted first) comes back as a message.
 */
@PageController
class CaseActionController {

    private final CasePageView page;
    private final IntakeManagement intake;
    private final RecordsManagement records;
    private final ExpeditedConversion conversion;
    private final CaseClocks clocks;
    private final CaseFiles cases;
    private final LetterDeliveries deliveries;
    private final PublicDecisions publicDecisions;
    private final CaseTermination terminations;
    private final ReviewerWithdrawal withdrawals;
    private final PanelApprovals panelApprovals;
    private final InformationRequests informationRequests;
    private final CaseCorrections corrections;

    CaseActionController(CasePageView page, IntakeManagement intake, RecordsManagement records,
                         ExpeditedConversion conversion, CaseClocks clocks, CaseFiles cases,
                         LetterDeliveries deliveries, PublicDecisions publicDecisions, CaseTermination terminations,
                         ReviewerWithdrawal withdrawals, PanelApprovals panelApprovals,
                         InformationRequests informationRequests, CaseCorrections corrections) {
        this.informationRequests = informationRequests;
        this.corrections = corrections;
        this.page = page;
        this.intake = intake;
        this.records = records;
        this.conversion = conversion;
        this.clocks = clocks;
        this.cases = cases;
        this.deliveries = deliveries;
        this.publicDecisions = publicDecisions;
        this.terminations = terminations;
        this.withdrawals = withdrawals;
        this.panelApprovals = panelApprovals;
    }

    @InitBinder({"documentForm", "expediteForm", "extensionForm", "correctionForm"})
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
        // the extension's reason and the items' descriptions are textareas
        InputBinding.multiLine(binder, "reason", "itemDescriptions");
    }

    @PostMapping("/cases/{caseNumber}/correction")
    String correct(@PathVariable String caseNumber, @ModelAttribute("correctionForm") CorrectionForm form,
                   BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                redirect.addFlashAttribute("messageArg", String.join(", ",
                        corrections.correct(caseNumber, form.correction(), Actor.current())));
            } catch (InvalidInputException e) {
                reject(result, e);
            } catch (ConflictException e) {
                redirect.addFlashAttribute("errorText", e.getMessage());
                return "redirect:/cases/" + caseNumber;
            }
        }
        return done(caseNumber, result, model, redirect, "case.corrected");
    }

    @PostMapping("/cases/{caseNumber}/documents")
    String addDocument(@PathVariable String caseNumber, @ModelAttribute("documentForm") DocumentForm form,
                       BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            // also when a field did not bind: it is then missing, so nothing is stored, and the others are checked
            CaseDocument added = intake.addDocument(caseNumber, form.documentFile(), form.getSource(),
                    form.getReceivedDate(), Actor.current());
            redirect.addFlashAttribute("messageArg", added.fileName());
        } catch (InvalidInputException e) {
            reject(result, e);
        }
        return done(caseNumber, result, model, redirect, "document.added");
    }

    @PostMapping("/cases/{caseNumber}/records/complete")
    String markRecordsComplete(@PathVariable String caseNumber, RedirectAttributes redirect) {
        try {
            records.markComplete(caseNumber, Actor.current());
            redirect.addFlashAttribute("message", "records.markedComplete");
        } catch (ConflictException e) {
            // most likely a second click, or another coordinator was first: the page shows where things stand
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/cases/" + caseNumber;
    }

    @PostMapping("/cases/{caseNumber}/expedite")
    String expedite(@PathVariable String caseNumber, @ModelAttribute("expediteForm") ExpediteForm form,
                    BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            conversion.convert(caseNumber, form.getCertifyingPhysician(), form.getCertifiedOn(), Actor.current());
        } catch (InvalidInputException e) {
            reject(result, e);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
            return "redirect:/cases/" + caseNumber;
        }
        return done(caseNumber, result, model, redirect, "case.expedited");
    }

    @PostMapping("/cases/{caseNumber}/clocks/determination/extension")
    String extendDetermination(@PathVariable String caseNumber, @ModelAttribute("extensionForm") ExtensionForm form,
                               BindingResult result, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        try {
            clocks.extendDetermination(cases.reference(caseNumber, actor), form.getDays() == null ? 0 : form.getDays(),
                    form.getApprovedBy(), form.getApprovedOn(), form.getReason(), actor);
        } catch (InvalidInputException e) {
            reject(result, e);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
            return "redirect:/cases/" + caseNumber;
        }
        return done(caseNumber, result, model, redirect, "extension.recorded");
    }

    @PostMapping("/cases/{caseNumber}/deliveries/{deliveryId}/receipt")
    String recordReceipt(@PathVariable String caseNumber, @PathVariable long deliveryId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                         RedirectAttributes redirect) {
        Actor actor = Actor.current();
        return afterAction(caseNumber, redirect, "delivery.recorded",
                () -> deliveries.received(cases.reference(caseNumber, actor), deliveryId, receivedOn, actor));
    }

    @PostMapping("/cases/{caseNumber}/information-requests")
    String requestInformation(@PathVariable String caseNumber, @RequestParam(required = false) List<PartyRole> to,
                              @RequestParam(required = false) String requested, RedirectAttributes redirect) {
        List<String> items = requested == null ? List.of() : requested.lines().toList();
        return afterAction(caseNumber, redirect, "informationRequest.sent",
                () -> informationRequests.send(caseNumber, to, items, Actor.current()));
    }

    @PostMapping("/cases/{caseNumber}/terminate")
    String terminate(@PathVariable String caseNumber,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate treatmentAuthorizedOn,
                     @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return afterAction(caseNumber, redirect, "case.terminated",
                () -> terminations.terminate(caseNumber, treatmentAuthorizedOn, reason, Actor.current()));
    }

    @PostMapping("/cases/{caseNumber}/reviewer/withdrawal")
    String withdrawReviewer(@PathVariable String caseNumber, @RequestParam(required = false) String reason,
                            @RequestParam(required = false) String reviewer, RedirectAttributes redirect) {
        return afterAction(caseNumber, redirect, "reviewer.withdrawn",
                () -> withdrawals.withdraw(caseNumber, reason, reviewer, Actor.current()));
    }

    @PostMapping("/cases/{caseNumber}/panel-approval")
    String approvePanel(@PathVariable String caseNumber, @RequestParam(required = false) Integer reviewers,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate approvedOn,
                        @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        return afterAction(caseNumber, redirect, "panel.approved",
                () -> panelApprovals.record(caseNumber, reviewers, approvedOn, reference, Actor.current()));
    }

    @PostMapping("/cases/{caseNumber}/public-copy/redactions")
    String redactPublicCopy(@PathVariable String caseNumber, @RequestParam(required = false) String names,
                            RedirectAttributes redirect) {
        List<String> lines = names == null ? List.of() : names.lines().toList();
        return afterAction(caseNumber, redirect, "publicCopy.redacted",
                () -> publicDecisions.redact(caseNumber, lines, Actor.current()));
    }

    @PostMapping("/cases/{caseNumber}/public-copy/release")
    String releasePublicCopy(@PathVariable String caseNumber, RedirectAttributes redirect) {
        return afterAction(caseNumber, redirect, "publicCopy.releasedMessage",
                () -> publicDecisions.release(caseNumber, Actor.current()));
    }

    /** An action of a single field or none: its refusal comes back as the page's message. */
    private static String afterAction(String caseNumber, RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorText", String.join(" ", e.fieldErrors().values()));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errorText", e.getMessage());
        }
        return "redirect:/cases/" + caseNumber;
    }

    /** The case page again with the errors, or after success the page anew with the message. */
    private String done(String caseNumber, BindingResult result, Model model, RedirectAttributes redirect,
                        String message) {
        if (result.hasErrors()) {
            return page.render(caseNumber, model);
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/cases/" + caseNumber;
    }

    /** The service's messages next to their fields, unless the field already failed to bind. */
    private static void reject(BindingResult result, InvalidInputException e) {
        for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
            if (result.getTarget() != null && new BeanWrapperImpl(result.getTarget())
                    .isReadableProperty(error.getKey())) {
                if (!result.hasFieldErrors(error.getKey())) {
                    result.rejectValue(error.getKey(), "serviceRejected", error.getValue());
                }
            } else {
                result.reject("serviceRejected", error.getValue());
            }
        }
    }
}
