package org.imrflow.intake;

import java.util.Map;

/**
 * What a coordinator corrects of a case's data so that a failed automated step can succeed when retried: the
 * parties' names, the streets and cities of their addresses (by role), and the disputed items' descriptions (by
 * item id). A value left out (null) stays as it is.
 */
public record CaseCorrection(String employeeFirstName, String employeeLastName, String employerName,
                             String claimsAdministratorName, String requestingPhysicianName, String representativeName,
                             Map<PartyRole, String> streets, Map<PartyRole, String> cities,
                             Map<Long, String> itemDescriptions) {

    public CaseCorrection {
        streets = streets == null ? Map.of() : streets;
        cities = cities == null ? Map.of() : cities;
        itemDescriptions = itemDescriptions == null ? Map.of() : itemDescriptions;
    }
}
