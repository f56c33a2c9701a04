package org.imrflow.assignment;

import java.util.List;

/** What the outside world may know of a case's reviewer: licensure and specialties, never the name. */
public record ReviewerCredentialsView(List<String> licenseStates, List<String> specialties) {}
