package org.imrflow.intake;

import java.util.ArrayList;
import org.imrflow.correspondence.Recipient;
import org.imrflow.deadlines.Delivery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading cases. The methods taking an {@link Actor} check that the actor may see the case (a reviewer sees
 * only the cases assigned to them) and audit views of medical content; the others serve the process steps.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

    private final CaseRepository cases;
    private final ReviewerCaseAccess assignments;
    private final AuditLog audit;

    CaseFiles(CaseRepository cases, ReviewerCaseAccess assignments, AuditLog audit) {
        this.cases = cases;
        this.assignments = assignments;
        this.audit = audit;
    }

    /** A case the actor may see; a case they may not see is reported as absent. */
    public CaseSummary visible(String caseNumber, Actor actor) {
        CaseSummary found = cases.findByNumber(caseNumber)
                .orElseThrow(() -> new NotFoundException("No case " + caseNumber + "."));
        if (!actor.seesAllCases() && !assignments.isAssigned(found.id(), actor.username())) {
            throw new NotFoundException("No case " + caseNumber + ".");
        }
        return found;
    }

    /** The reference to a case the actor may see, for the other modules' services. */
    public CaseRef reference(String caseNumber, Actor actor) {
        CaseSummary found = visible(caseNumber, actor);
        return new CaseRef(found.id(), found.caseNumber());
    }

    /** Opens a case's file (application, items, documents) for the actor, and audits the view. */
    @Transactional
    public CaseSummary open(String caseNumber, Actor actor) {
        CaseSummary found = visible(caseNumber, actor);
        audit.record("CASE_VIEWED", found.caseNumber(), "case file opened");
        return found;
    }

    /**
     * The ids of the cases the actor may see, for the other modules' lists; empty when the actor sees every case
     * (staff), so that a list need not name them all.
     */
    public Optional<List<Long>> visibleCaseIds(Actor actor) {
        return actor.seesAllCases() ? Optional.empty()
                : Optional.of(List.copyOf(assignments.caseIdsAssignedTo(actor.username())));
    }

    @Transactional
    public DocumentContent document(String caseNumber, long documentId, Actor actor) {
        CaseSummary found = visible(caseNumber, actor);
        CaseDocument document = cases.documents(found.id()).stream().filter(d -> d.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("No such document in case " + caseNumber + "."));
        byte[] content = cases.documentContent(found.id(), documentId).orElseThrow();
        audit.record("DOCUMENT_VIEWED", caseNumber, "document " + documentId);
        return new DocumentContent(document, content);
    }

    public CaseSummary byId(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case with id " + caseId + "."));
    }

    public List<DisputedItem> items(long caseId) {
        return cases.items(caseId);
    }

    public List<CaseDocument> documents(long caseId) {
        return cases.documents(caseId);
    }

    /**
     * The parties of the case, in the order letters address them: the employee, the representative if there is
     * one, the requesting physician, the claims administrator and the employer, each with its address if given.
     */
    public List<Party> parties(long caseId) {
        CaseSummary found = byId(caseId);
        Map<PartyRole, Party> recorded = cases.recordedParties(caseId);
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(PartyRole.EMPLOYEE, found.employeeName(), addressOf(recorded, PartyRole.EMPLOYEE)));
        if (recorded.containsKey(PartyRole.REPRESENTATIVE)) {
            parties.add(recorded.get(PartyRole.REPRESENTATIVE));
        }
        parties.add(new Party(PartyRole.REQUESTING_PHYSICIAN, found.requestingPhysicianName(),
                addressOf(recorded, PartyRole.REQUESTING_PHYSICIAN), found.requestingPhysicianNpi()));
        parties.add(new Party(PartyRole.CLAIMS_ADMINISTRATOR, found.claimsAdministratorName(),
                addressOf(recorded, PartyRole.CLAIMS_ADMINISTRATOR)));
        parties.add(new Party(PartyRole.EMPLOYER, found.employerName(), addressOf(recorded, PartyRole.EMPLOYER)));
        return parties;
    }

    /**
     * Who the case's letters go to: its parties in the order letters address them, each by mail, but the claims
     * administrator by the given method (the Notice of Assignment may be sent to it electronically).
     */
    public List<Recipient> recipients(long caseId, Delivery claimsAdministratorDelivery) {
        return parties(caseId).stream()
                .map(party -> party.recipient(
                        party.role() == PartyRole.CLAIMS_ADMINISTRATOR ? claimsAdministratorDelivery : Delivery.MAIL))
                .toList();
    }

    /** The parties whose affiliation would make a reviewer conflicted: names as the application gives them. */
    public Set<String> partyNames(long caseId) {
        // a self-insured employer is its own claims administrator: names may repeat
        return parties(caseId).stream().map(Party::name).collect(Collectors.toSet());
    }

    private static Address addressOf(Map<PartyRole, Party> recorded, PartyRole role) {
        Party party = recorded.get(role);
        return party == null ? null : party.address();
    }

    public record DocumentContent(CaseDocument document, byte[] content) {}
}
