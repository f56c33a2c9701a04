package org.imrflow.determination;

import java.util.List;

/**
 * The decided case made from an imported letter: its case number, the template version the letter reads as, and
 * what the parser kept although it could not repair it (extraction artefacts, guideline lines kept verbatim).
 */
public record ImportedDetermination(String caseNumber, String templateVersion, int upheldItems, int overturnedItems,
                                    List<String> warnings) {}
