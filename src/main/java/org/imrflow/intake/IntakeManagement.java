package org.imrflow.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.StatutoryClocks;
import org.imrflow.engine.CaseProcessStarter;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives applications: checks them, stores the case with its items and documents in one transaction, and
 * starts its process after commit. A rejected application stores nothing.
 */
@Service
public class IntakeManagement {

    private final CaseRepository cases;
    private final CaseProcessStarter processes;
    private final StatutoryClocks clocks;
    private final AuditLog audit;

    IntakeManagement(CaseRepository cases, CaseProcessStarter processes, StatutoryClocks clocks, AuditLog audit) {
        this.cases = cases;
        this.processes = processes;
        this.clocks = clocks;
        this.audit = audit;
    }

    /**
     * Receives an application whose fields passed bean validation. Documents come from the form's
     * {@code documents} (API, base64) and from {@code uploads} (web form).
     */
    @Transactional
    public String receive(ApplicationForm form, List<DocumentFile> uploads, Actor actor) {
        actor.require(Role.COORDINATOR);
        List<DocumentFile> documents = new ArrayList<>(uploads);
        Map<String, String> errors = new LinkedHashMap<>();
        checkDates(form, errors);
        for (int i = 0; i < form.documents().size(); i++) {
            ApplicationForm.DocumentUpload upload = form.documents().get(i);
            try {
                documents.add(new DocumentFile(upload.fileName(), upload.contentType(),
                        Base64.getMimeDecoder().decode(upload.contentBase64())));
            } catch (IllegalArgumentException e) {
                errors.put("documents[" + i + "].contentBase64", "Document content must be base64.");
            }
        }
        for (DocumentFile document : documents) {
            String problem = document.problem();
            if (problem != null) {
                errors.putIfAbsent("documents", problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        String caseNumber = "CM%02d-%07d".formatted(clocks.today().getYear() % 100, cases.nextCaseSequence());
        long caseId = cases.insertCase(caseNumber, form, actor.username());
        for (int i = 0; i < form.disputedItems().size(); i++) {
            cases.insertItem(caseId, i + 1, form.disputedItems().get(i));
        }
        for (DocumentFile document : documents) {
            cases.insertDocument(caseId, document.fileName().strip(), document.normalizedType(), document.content(),
                    sha256(document.content()), actor.username());
        }
        audit.record("CASE_CREATED", caseNumber, form.disputedItems().size() + " disputed items, "
                + documents.size() + " documents");
        processes.startAfterCommit(new CaseRef(caseId, caseNumber));
        return caseNumber;
    }

    private void checkDates(ApplicationForm form, Map<String, String> errors) {
        LocalDate today = clocks.today();
        if (form.dateOfInjury().isAfter(today)) {
            errors.put("dateOfInjury", "Date of injury cannot be in the future.");
        }
        if (form.urDecisionDate().isAfter(today)) {
            errors.put("urDecisionDate", "UR decision date cannot be in the future.");
        }
        if (form.receivedDate().isAfter(today)) {
            errors.put("receivedDate", "Date received cannot be in the future.");
        }
        if (form.dateOfInjury().isAfter(form.urDecisionDate())) {
            errors.putIfAbsent("dateOfInjury", "Date of injury cannot be after the UR decision date.");
        }
        if (form.urDecisionDate().isAfter(form.receivedDate())) {
            errors.putIfAbsent("receivedDate", "Date received cannot be before the UR decision date.");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
