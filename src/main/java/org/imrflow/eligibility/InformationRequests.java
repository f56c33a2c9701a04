package org.imrflow.eligibility;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.InformationRequestContent;
import org.imrflow.correspondence.LetterInfo;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.Recipient;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.PartyRole;
import org.imrflow.intake.Stage;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for information during the eligibility review (8 CCR 9792.10.3(c)): a coordinator asks parties for what
 * the screening cannot decide without, and the parties have 5 business days from receipt to answer. Each request
 * is a letter of its own, sent to the parties chosen, by mail, and logged in the delivery log.
 */
@Service
public class InformationRequests {

    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM_LENGTH = 500;

    private final CaseFiles cases;
    private final Letters letters;
    private final BusinessTime time;
    private final AuditLog audit;

    InformationRequests(CaseFiles cases, Letters letters, BusinessTime time, AuditLog audit) {
        this.cases = cases;
        this.letters = letters;
        this.time = time;
        this.audit = audit;
    }

    @Transactional
    public LetterInfo send(String caseNumber, List<PartyRole> to, List<String> requested, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        if (found.stage() != Stage.ELIGIBILITY) {
            throw new ConflictException("Case " + caseNumber + " is past the eligibility review (" + found.stage().label()
                    + "): information is requested only while eligibility is being decided.");
        }
        Set<PartyRole> roles = to == null || to.isEmpty() ? Set.of() : EnumSet.copyOf(to);
        if (roles.isEmpty()) {
            throw InvalidInputException.of("to", "Choose at least one party to ask.");
        }
        List<String> items = requested == null ? List.of() : requested.stream()
                .filter(item -> item != null && !item.isBlank()).map(String::strip).toList();
        if (items.isEmpty()) {
            throw InvalidInputException.of("requested", "Say what information is needed, one item per line.");
        }
        if (items.size() > MAX_ITEMS || items.stream().anyMatch(item -> item.length() > MAX_ITEM_LENGTH)) {
            throw InvalidInputException.of("requested", "Ask for at most " + MAX_ITEMS + " items of at most "
                    + MAX_ITEM_LENGTH + " characters each.");
        }
        List<Recipient> recipients = cases.parties(found.id()).stream()
                .filter(party -> roles.contains(party.role()))
                .map(party -> party.recipient(Delivery.MAIL)).toList();
        if (recipients.size() < roles.size()) {
            throw InvalidInputException.of("to", "The case has no representative to ask.");
        }
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        LetterInfo letter = letters.issueInformationRequest(ref, new InformationRequestContent(caseNumber,
                time.today(), found.employeeName(), found.receivedDate(), found.urDecisionDate(), items), recipients);
        audit.record("INFORMATION_REQUESTED", caseNumber, items.size() + " item(s) asked of "
                + String.join(", ", recipients.stream().map(Recipient::role).toList()));
        return letter;
    }
}
