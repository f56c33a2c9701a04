package org.imrflow.intake;

import java.util.List;
import org.imrflow.correspondence.Recipient;
import org.imrflow.deadlines.Delivery;

/**
 * A party of the case with its mailing address, if the application gave one, and its National Provider Identifier
 * where known (the requesting physician's).
 */
public record Party(PartyRole role, String name, Address address, String npi) {

    public Party(PartyRole role, String name, Address address) {
        this(role, name, address, null);
    }

    /** The party as a letter's recipient, sent the letter by the given method. */
    public Recipient recipient(Delivery method) {
        return new Recipient(role.label(), name, address == null ? List.of() : address.lines(), method);
    }
}
