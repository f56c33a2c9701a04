package org.imrflow.correspondence;

import java.util.List;
import java.util.Objects;
import org.imrflow.deadlines.Delivery;

/**
 * Who a letter goes to, and how: a party by its role ("Employee", "Claims administrator"), its name and mailing
 * address (lines, empty when none is known), by mail or electronically.
 */
public record Recipient(String role, String name, List<String> address, Delivery method) {

    public Recipient {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        address = address == null ? List.of() : List.copyOf(address);
    }

    /** How the letter's service list names the recipient: "Employee: Maria Lopez". */
    public String line() {
        return role + ": " + name;
    }
}
