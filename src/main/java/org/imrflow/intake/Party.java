package org.imrflow.intake;

/** A party of the case with its mailing address, if the application gave one. */
public record Party(PartyRole role, String name, Address address) {}
