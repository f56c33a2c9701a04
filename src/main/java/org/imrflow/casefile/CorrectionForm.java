package org.imrflow.casefile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.imrflow.intake.CaseCorrection;
import org.imrflow.intake.Party;
import org.imrflow.intake.PartyRole;

/**
 * The case page's form correcting the case's data after a failed step: the parties' names, their streets and cities
 * (by role) and the disputed items' descriptions (by item id), filled with the values stored.
 */
public class CorrectionForm {

    private String employeeFirstName;
    private String employeeLastName;
    private String employerName;
    private String claimsAdministratorName;
    private String requestingPhysicianName;
    private String representativeName;
    private Map<PartyRole, String> streets = new LinkedHashMap<>();
    private Map<PartyRole, String> cities = new LinkedHashMap<>();
    private Map<Long, String> itemDescriptions = new LinkedHashMap<>();

    static CorrectionForm of(CaseFile file) {
        CorrectionForm form = new CorrectionForm();
        form.employeeFirstName = file.summary().employeeFirstName();
        form.employeeLastName = file.summary().employeeLastName();
        form.employerName = file.summary().employerName();
        form.claimsAdministratorName = file.summary().claimsAdministratorName();
        form.requestingPhysicianName = file.summary().requestingPhysicianName();
        for (Party party : file.parties()) {
            if (party.role() == PartyRole.REPRESENTATIVE) {
                form.representativeName = party.name();
            }
            if (party.address() != null) {
                form.streets.put(party.role(), party.address().street());
                form.cities.put(party.role(), party.address().city());
            }
        }
        file.items().forEach(item -> form.itemDescriptions.put(item.id(), item.description()));
        return form;
    }

    CaseCorrection correction() {
        return new CaseCorrection(employeeFirstName, employeeLastName, employerName, claimsAdministratorName,
                requestingPhysicianName, representativeName, streets, cities, itemDescriptions);
    }

    public String getEmployeeFirstName() { return employeeFirstName; }
    public void setEmployeeFirstName(String value) { this.employeeFirstName = value; }
    public String getEmployeeLastName() { return employeeLastName; }
    public void setEmployeeLastName(String value) { this.employeeLastName = value; }
    public String getEmployerName() { return employerName; }
    public void setEmployerName(String value) { this.employerName = value; }
    public String getClaimsAdministratorName() { return claimsAdministratorName; }
    public void setClaimsAdministratorName(String value) { this.claimsAdministratorName = value; }
    public String getRequestingPhysicianName() { return requestingPhysicianName; }
    public void setRequestingPhysicianName(String value) { this.requestingPhysicianName = value; }
    public String getRepresentativeName() { return representativeName; }
    public void setRepresentativeName(String value) { this.representativeName = value; }
    public Map<PartyRole, String> getStreets() { return streets; }
    public void setStreets(Map<PartyRole, String> streets) { this.streets = streets; }
    public Map<PartyRole, String> getCities() { return cities; }
    public void setCities(Map<PartyRole, String> cities) { this.cities = cities; }
    public Map<Long, String> getItemDescriptions() { return itemDescriptions; }
    public void setItemDescriptions(Map<Long, String> itemDescriptions) { this.itemDescriptions = itemDescriptions; }
}
