package org.imrflow.intake;

import org.imrflow.ConflictException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the case of a determination issued elsewhere, from what its letter states: decided and closed at once, so
 * no process starts and no clock runs. Called by the determination's import, inside its transaction.
 *
 * <p>A letter names no employee, claim or party; those fields read {@link #NOT_IN_LETTER} rather than null, so that
 * every page, list and search that shows a case shows an imported one as it is, and nobody takes the text for a
 * name. Dates, review type and the UR decision's service method that the letter does not state stay null: a
 * placeholder date would be a wrong fact, and only a decided, imported case may leave them unknown (the table says
 * so, V8__imported_determinations.sql).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ImportedCases {

    /** What the fields of an imported case read that its letter does not state. */
    public static final String NOT_IN_LETTER = "Not in the imported letter";

    private final CaseRepository cases;
    private final BusinessTime time;
    private final AuditLog audit;

    ImportedCases(CaseRepository cases, BusinessTime time, AuditLog audit) {
        this.cases = cases;
        this.time = time;
        this.audit = audit;
    }

    /** Creates the case (administrators); a case number that exists already is a conflict, whatever its case. */
    public CaseRef create(ImportedCase imported, Actor actor) {
        actor.require(Role.ADMIN);
        String problem = imported.letter().problem();
        if (problem != null) {
            throw new IllegalArgumentException("The imported letter must be checked before: " + problem);
        }
        String caseNumber = imported.caseNumber();
        if (cases.caseNumberExists(caseNumber)) {
            throw alreadyExists(caseNumber);
        }
        long caseId;
        try {
            caseId = cases.insertImportedCase(imported, NOT_IN_LETTER, time.now(), actor.username());
        } catch (DuplicateKeyException e) {
            // the same letter imported by another request since the check
            throw alreadyExists(caseNumber);
        }
        for (int i = 0; i < imported.items().size(); i++) {
            cases.insertImportedItem(caseId, i + 1, imported.items().get(i));
        }
        DocumentFile letter = imported.letter();
        long documentId = cases.insertDocument(caseId, letter, DocumentSource.OTHER, time.today(), false,
                IntakeManagement.sha256(letter.content()), time.now(), actor.username());
        audit.record("CASE_IMPORTED", caseNumber, "decided case made from a Final Determination Letter issued"
                + " elsewhere: " + imported.items().size() + " disputed items, the letter kept as document " + documentId);
        return new CaseRef(caseId, caseNumber);
    }

    private static ConflictException alreadyExists(String caseNumber) {
        return new ConflictException("Case " + caseNumber + " already exists; a letter is imported once.");
    }
}
