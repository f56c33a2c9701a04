package org.imrflow.correspondence;

import java.util.List;
import org.imrflow.ImrProperties;

/**
 * Who sends the letters: the organization's name and short name, its address (printed under the name, and where
 * records are to be sent) and the signature block that closes every letter. All of it is configuration.
 */
public record Letterhead(String organizationName, String organizationShortName, String address,
        List<String> signature) {

    public Letterhead {
        Required.text(organizationName, "organizationName");
        Required.text(organizationShortName, "organizationShortName");
        // the records are to be sent to this address, so a letter without it asks for the impossible
        Required.text(address, "address");
        signature = Required.lines(signature, "signature", "a letter must be signed");
    }

    public static Letterhead of(ImrProperties.Organization organization) {
        return new Letterhead(organization.name(), organization.shortName(), organization.address(),
                organization.signature());
    }
}
