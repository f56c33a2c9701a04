package org.imrflow.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imrflow.ConflictException;
import org.imrflow.InputPolicy;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.engine.CaseIncidents;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator corrects the data of a case whose automated step failed on it (a character a letter cannot print,
 * stored before the input policy), then retries the step. Only while the case has a failed step; the corrected
 * values keep the input policy and the application's lengths, and the audit names the fields corrected, not their
 * values.
 */
@Service
public class CaseCorrections {

    private final CaseRepository cases;
    private final CaseFiles files;
    private final CaseIncidents incidents;
    private final AuditLog audit;

    CaseCorrections(CaseRepository cases, CaseFiles files, CaseIncidents incidents, AuditLog audit) {
        this.cases = cases;
        this.files = files;
        this.incidents = incidents;
        this.audit = audit;
    }

    /** Stores the values that changed; returns the fields corrected (none: nothing changed). */
    @Transactional
    public List<String> correct(String caseNumber, CaseCorrection correction, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = files.visible(caseNumber, actor);
        if (incidents.openFor(found.id()).isEmpty()) {
            throw new ConflictException("Case " + caseNumber + " has no failed step; its data is corrected only to "
                    + "let a failed step succeed.");
        }
        Map<PartyRole, Party> parties = cases.recordedParties(found.id());
        Map<Long, DisputedItem> items = new LinkedHashMap<>();
        cases.items(found.id()).forEach(item -> items.put(item.id(), item));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> corrected = new ArrayList<>();
        Names names = new Names(columns, corrected, errors);
        names.correct("employeeFirstName", "employee_first_name", correction.employeeFirstName(), found.employeeFirstName(), 100);
        names.correct("employeeLastName", "employee_last_name", correction.employeeLastName(), found.employeeLastName(), 100);
        names.correct("employerName", "employer_name", correction.employerName(), found.employerName(), 200);
        names.correct("claimsAdministratorName", "claims_administrator_name", correction.claimsAdministratorName(),
                found.claimsAdministratorName(), 200);
        names.correct("requestingPhysicianName", "requesting_physician_name", correction.requestingPhysicianName(),
                found.requestingPhysicianName(), 200);

        Party representative = parties.get(PartyRole.REPRESENTATIVE);
        String representativeName = checked("representativeName", correction.representativeName(), 200, false, errors);
        boolean renameRepresentative = representative != null && representativeName != null
                && !representativeName.equals(representative.name());
        Map<PartyRole, Address> addresses = new LinkedHashMap<>();
        for (PartyRole role : PartyRole.values()) {
            Party party = parties.get(role);
            String street = checked("streets[" + role + "]", correction.streets().get(role), 200, false, errors);
            String city = checked("cities[" + role + "]", correction.cities().get(role), 100, false, errors);
            if (party == null || party.address() == null || (street == null && city == null)) {
                continue;
            }
            Address address = party.address();
            Address changed = new Address(street == null ? address.street() : street,
                    city == null ? address.city() : city, address.state(), address.zip());
            if (!changed.equals(address)) {
                addresses.put(role, changed);
                corrected.add("address of " + role.label());
            }
        }
        Map<Long, String> descriptions = new LinkedHashMap<>();
        correction.itemDescriptions().forEach((id, description) -> {
            String checked = checked("itemDescriptions[" + id + "]", description, 1000, true, errors);
            DisputedItem item = items.get(id);
            if (item == null) {
                errors.put("itemDescriptions[" + id + "]", "Case " + caseNumber + " has no disputed item " + id + ".");
            } else if (checked != null && !checked.equals(item.description())) {
                descriptions.put(id, checked);
                corrected.add("description of item " + item.lineNo());
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (renameRepresentative) {
            corrected.add("representativeName");
        }
        if (corrected.isEmpty()) {
            return corrected;
        }
        columns.forEach((column, value) -> cases.correctCase(found.id(), column, value));
        if (renameRepresentative) {
            cases.correctPartyName(found.id(), PartyRole.REPRESENTATIVE, representativeName);
        }
        addresses.forEach((role, address) -> cases.correctAddress(found.id(), role, address));
        descriptions.forEach((id, description) -> cases.correctItemDescription(found.id(), id, description));
        audit.record("CASE_DATA_CORRECTED", caseNumber, "corrected " + String.join(", ", corrected));
        return corrected;
    }

    /** The names of the case table to correct, by column, where given and different. */
    private record Names(Map<String, String> columns, List<String> corrected, Map<String, String> errors) {

        void correct(String field, String column, String value, String current, int max) {
            String checked = checked(field, value, max, false, errors);
            if (checked != null && !Objects.equals(checked, current)) {
                columns.put(column, checked);
                corrected.add(field);
            }
        }
    }

    /** The value stripped, if given and keeping the rules; null if not given or refused (then with an error). */
    private static String checked(String field, String value, int max, boolean multiLine, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        String problem = InputPolicy.problem(value, multiLine);
        String stripped = value.strip();
        if (problem == null && stripped.isEmpty()) {
            problem = "Must not be empty.";
        } else if (problem == null && stripped.length() > max) {
            problem = "Must be at most " + max + " characters.";
        }
        if (problem != null) {
            errors.put(field, problem);
            return null;
        }
        return stripped;
    }
}
