package org.imrflow.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.imrflow.DomainMeters;
import org.imrflow.InputPolicy;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.engine.CaseProcessStarter;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives applications and the documents that arrive later: checks them, stores them in one transaction, and
 * starts the case's process after commit. Rejected input stores nothing.
 */
@Service
public class IntakeManagement {

    private final DomainMeters meters;
    private final CaseRepository cases;
    private final CaseFiles files;
    private final CaseProcessStarter processes;
    private final CaseClocks clocks;
    private final BusinessTime time;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    IntakeManagement(CaseRepository cases, CaseFiles files, CaseProcessStarter processes, CaseClocks clocks,
                     BusinessTime time, AuditLog audit, ApplicationEventPublisher events, DomainMeters meters) {
        this.meters = meters;
        this.cases = cases;
        this.files = files;
        this.processes = processes;
        this.clocks = clocks;
        this.time = time;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Receives an application whose fields passed bean validation. Documents come from the form's
     * {@code documents} (API, base64) and from {@code uploads} (web form). The filing window (T1) is judged at
     * once, from the application's own dates.
     */
    @Transactional
    public String receive(ApplicationForm form, List<DocumentFile> uploads, Actor actor) {
        if (form.caseNumber() == null || !actor.has(Role.ADMIN)) {
            actor.require(Role.COORDINATOR);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        checkDates(form, errors);
        checkTakeOver(form, errors);
        checkItems(form, errors);
        String npi = Npi.normalized(form.requestingPhysicianNpi());
        if (npi != null && !Npi.valid(npi)) {
            errors.put("requestingPhysicianNpi", "An NPI is ten digits whose last is a check digit; \"" + npi
                    + "\" is not one. Leave it empty if the request for authorization does not give it.");
        }
        List<Received> documents = new ArrayList<>();
        for (DocumentFile upload : uploads) {
            documents.add(new Received(upload, DocumentSource.EMPLOYEE));
        }
        for (int i = 0; i < form.documents().size(); i++) {
            ApplicationForm.DocumentUpload upload = form.documents().get(i);
            decode(upload, "documents[" + i + "].contentBase64", errors).ifPresent(file -> documents.add(new Received(
                    file, upload.source() == null ? DocumentSource.EMPLOYEE : upload.source())));
        }
        for (Received document : documents) {
            String problem = document.file().problem();
            if (problem != null) {
                errors.putIfAbsent("documents", problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        boolean takenOver = form.caseNumber() != null;
        String caseNumber = takenOver ? form.caseNumber() : newCaseNumber();
        Instant assignedAt = form.assignedDate() == null ? null
                : form.assignedDate().atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant();
        long caseId;
        try {
            caseId = cases.insertCase(caseNumber, form, assignedAt, takenOver, actor.username());
        } catch (DuplicateKeyException e) {
            // another request took the same number over since the check
            throw InvalidInputException.of("caseNumber", "Case " + caseNumber + " already exists.");
        }
        for (int i = 0; i < form.disputedItems().size(); i++) {
            cases.insertItem(caseId, i + 1, form.disputedItems().get(i));
        }
        recordParties(caseId, form);
        for (Received document : documents) {
            cases.insertDocument(caseId, document.file(), document.source(), form.receivedDate(), true,
                    sha256(document.file().content()), time.now(), actor.username());
        }
        CaseRef ref = new CaseRef(caseId, caseNumber);
        clocks.recordFilingWindow(ref, form.urDecisionDate(), form.urServiceMethod(), form.receivedDate());
        audit.record("CASE_CREATED", caseNumber, form.disputedItems().size() + " disputed items, "
                + documents.size() + " documents");
        meters.count(DomainMeters.CASES_RECEIVED, "review_type", form.reviewType().name().toLowerCase(Locale.ROOT));
        if (takenOver) {
            audit.record("CASE_TAKEN_OVER", caseNumber, "taken over from another system with its case number"
                    + (form.assignedDate() == null ? "" : ", assigned " + form.assignedDate()));
        }
        processes.startAfterCommit(ref);
        return caseNumber;
    }

    /**
     * Adds a document received after intake through the API (content in base64), with who sent it and when it
     * was received (coordinators). The review hears of it through {@link DocumentReceived}.
     */
    @Transactional
    public CaseDocument addDocument(String caseNumber, ApplicationForm.DocumentUpload upload, Actor actor) {
        actor.require(Role.COORDINATOR);
        Map<String, String> errors = new LinkedHashMap<>();
        DocumentFile file = decode(upload, "contentBase64", errors).orElse(null);
        return add(caseNumber, file, "contentBase64", upload.source(), upload.receivedDate(), errors, actor);
    }

    /**
     * Adds a document received after intake as uploaded on the case page; as {@link #addDocument(String,
     * ApplicationForm.DocumentUpload, Actor)}, with the file's problems (null: none chosen) reported on the field
     * {@code file}.
     */
    @Transactional
    public CaseDocument addDocument(String caseNumber, DocumentFile file, DocumentSource source,
                                    LocalDate receivedDate, Actor actor) {
        actor.require(Role.COORDINATOR);
        Map<String, String> errors = new LinkedHashMap<>();
        if (file == null) {
            errors.put("file", "Choose the document: a PDF or a plain-text file.");
        }
        return add(caseNumber, file, "file", source, receivedDate, errors, actor);
    }

    private CaseDocument add(String caseNumber, DocumentFile file, String fileField, DocumentSource source,
                             LocalDate receivedDate, Map<String, String> errors, Actor actor) {
        CaseSummary found = files.visible(caseNumber, actor);
        if (source == null) {
            errors.put("source", "Say who sent the document: CLAIMS_ADMINISTRATOR, EMPLOYEE, REQUESTING_PHYSICIAN or OTHER.");
        }
        if (receivedDate == null) {
            errors.put("receivedDate", "Enter the date the document was received.");
        } else if (receivedDate.isAfter(time.today())) {
            errors.put("receivedDate", "Date received cannot be in the future.");
        } else if (found.receivedDate() != null && receivedDate.isBefore(found.receivedDate())) {
            errors.put("receivedDate", "Date received cannot be before the application was received ("
                    + found.receivedDate() + ").");
        }
        if (file != null && file.problem() != null) {
            errors.putIfAbsent(fileField, file.problem());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = cases.insertDocument(found.id(), file, source, receivedDate, false, sha256(file.content()),
                time.now(), actor.username());
        audit.record("DOCUMENT_ADDED", caseNumber, "document " + id + " from " + source.label()
                + ", received " + receivedDate);
        events.publishEvent(new DocumentReceived(found.id(), caseNumber, id, source, receivedDate));
        return cases.documents(found.id()).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    private void recordParties(long caseId, ApplicationForm form) {
        Map<PartyRole, Address> addresses = new LinkedHashMap<>();
        addresses.put(PartyRole.EMPLOYEE, form.employeeAddress());
        addresses.put(PartyRole.REQUESTING_PHYSICIAN, form.requestingPhysicianAddress());
        addresses.put(PartyRole.CLAIMS_ADMINISTRATOR, form.claimsAdministratorAddress());
        addresses.put(PartyRole.EMPLOYER, form.employerAddress());
        addresses.forEach((role, address) -> {
            if (address != null) {
                cases.insertParty(caseId, role, null, address);
            }
        });
        if (form.representative() != null) {
            cases.insertParty(caseId, PartyRole.REPRESENTATIVE, form.representative().name().strip(),
                    form.representative().address());
        }
    }

    private Optional<DocumentFile> decode(ApplicationForm.DocumentUpload upload, String field,
                                                    Map<String, String> errors) {
        try {
            return Optional.of(new DocumentFile(upload.fileName(), upload.contentType(),
                    Base64.getMimeDecoder().decode(upload.contentBase64() == null ? "" : upload.contentBase64())));
        } catch (IllegalArgumentException e) {
            errors.put(field, "Document content must be base64.");
            return Optional.empty();
        }
    }

    /** The next number of this year's sequence that no case has (cases taken over keep theirs). */
    private String newCaseNumber() {
        while (true) {
            String number = "CM%02d-%07d".formatted(time.today().getYear() % 100, cases.nextCaseSequence());
            if (!cases.caseNumberExists(number)) {
                return number;
            }
        }
    }

    private void checkDates(ApplicationForm form, Map<String, String> errors) {
        LocalDate today = time.today();
        plausible("dateOfInjury", form.dateOfInjury(), errors);
        plausible("urDecisionDate", form.urDecisionDate(), errors);
        plausible("receivedDate", form.receivedDate(), errors);
        if (form.dateOfInjury().isAfter(today)) {
            errors.putIfAbsent("dateOfInjury", "Date of injury cannot be in the future.");
        }
        if (form.urDecisionDate().isAfter(today)) {
            errors.putIfAbsent("urDecisionDate", "UR decision date cannot be in the future.");
        }
        if (form.receivedDate().isAfter(today)) {
            errors.putIfAbsent("receivedDate", "Date received cannot be in the future.");
        }
        if (form.dateOfInjury().isAfter(form.urDecisionDate())) {
            errors.putIfAbsent("dateOfInjury", "Date of injury cannot be after the UR decision date.");
        }
        if (form.urDecisionDate().isAfter(form.receivedDate())) {
            errors.putIfAbsent("receivedDate", "Date received cannot be before the UR decision date.");
        }
    }

    private static void plausible(String field, LocalDate date, Map<String, String> errors) {
        String problem = InputPolicy.dateProblem(date);
        if (problem != null) {
            errors.put(field, problem);
        }
    }

    /** Each item's partial authorization and the claims administrator's basis must fit together. */
    private static void checkItems(ApplicationForm form, Map<String, String> errors) {
        for (int i = 0; i < form.disputedItems().size(); i++) {
            ApplicationForm.DisputedItemForm item = form.disputedItems().get(i);
            String path = "disputedItems[" + i + "].";
            boolean authorized = item.authorized() != null && !item.authorized().isBlank();
            if (item.remainingPortion() != null && !item.remainingPortion().isBlank() && !authorized) {
                errors.putIfAbsent(path + "authorized",
                        "Say what the claims administrator authorized, or leave the remaining portion empty.");
            }
            if (item.claimsAdministratorBasis() != null) {
                GuidelineBasis.problems(item.claimsAdministratorBasis(), item.claimsAdministratorMtusCitation(),
                        item.claimsAdministratorNonMtusCitation()).forEach((field, problem) -> errors.putIfAbsent(
                        path + "claimsAdministrator" + Character.toUpperCase(field.charAt(0)) + field.substring(1),
                        problem));
            }
        }
    }

    private void checkTakeOver(ApplicationForm form, Map<String, String> errors) {
        if (form.caseNumber() != null && cases.caseNumberExists(form.caseNumber())) {
            errors.put("caseNumber", "Case " + form.caseNumber() + " already exists.");
        }
        if (form.assignedDate() == null) {
            return;
        }
        if (form.caseNumber() == null) {
            errors.put("assignedDate", "Only a case taken over with its case number can have an assignment date.");
        } else if (form.assignedDate().isAfter(time.today())) {
            errors.put("assignedDate", "The assignment date cannot be in the future.");
        } else if (form.assignedDate().isBefore(form.receivedDate())) {
            errors.put("assignedDate", "The assignment date cannot be before the application was received.");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Received(DocumentFile file, DocumentSource source) {}
}
