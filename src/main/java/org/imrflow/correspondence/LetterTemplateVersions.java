package org.imrflow.correspondence;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The issued texts of the Final Determination Letter. Its fixed wording changed over the years; each text
 * that was really issued is a version, so that a letter of any period (a new one, or an imported one) is
 * printed exactly as it was. A version says which variant of each changing part it uses; the wording of
 * every variant is in {@code templates/letters/final-determination.html}, and docs/letters.md lists the
 * letters that show each version.
 */
public final class LetterTemplateVersions {

    /** Late 2013, "physician reviewer" with its credentials inline, and the typo "strenght" (seed 001). */
    public static final String V2013A = "2013a";
    /** Late 2013, the same text with "strength" spelled right (seed 004). */
    public static final String V2013B = "2013b";
    /** 2015, "expert reviewer" with a credential block (seeds 000, 002, 003; events of December 2014 to May 2015). */
    public static final String V2015 = "2015";
    /** Late 2016-17: a header block of case facts, and the reworded non-MTUS sentence (24 DWC-posted letters). */
    public static final String V2016 = "2016";

    /**
     * The variants a version uses.
     *
     * @param headerBlock        the letter opens with Case Number, Date Assigned, Date of Injury, Decision Date,
     *                           UR Denial Date, Priority and Application Received
     * @param physicianReviewer  "a physician reviewer" whose credentials are a sentence of the first paragraph
     *                           ("disputed items/services"), rather than "an expert reviewer" followed by a
     *                           credential block ("disputed items/Service")
     * @param strenghtTypo       the first paragraph misspells "strength"
     * @param outsideMtusWording the non-MTUS sentence is "based their decision on recommendation(s) outside of
     *                           the MTUS Guidelines." rather than "did not base their decision on the MTUS."
     */
    record Version(String id, boolean headerBlock, boolean physicianReviewer, boolean strenghtTypo,
            boolean outsideMtusWording) {
    }

    private static final Map<String, Version> VERSIONS = new LinkedHashMap<>();

    static {
        add(new Version(V2013A, false, true, true, false));
        add(new Version(V2013B, false, true, false, false));
        add(new Version(V2015, false, false, false, false));
        add(new Version(V2016, true, false, false, true));
    }

    private LetterTemplateVersions() {
    }

    /** The version ids, oldest first. */
    public static Set<String> ids() {
        return Collections.unmodifiableSet(VERSIONS.keySet());
    }

    /** The version new letters are issued with. */
    public static String current() {
        return V2016;
    }

    /** Refuses an id that names no version, so no letter can be printed from a text that does not exist. */
    public static void require(String id) {
        of(id);
    }

    static Version of(String id) {
        if (id == null) {
            throw new IllegalArgumentException("templateVersion must be given: one of " + VERSIONS.keySet());
        }
        Version version = VERSIONS.get(id);
        if (version == null) {
            throw new IllegalArgumentException("templateVersion \"" + id + "\" is unknown: use one of " + VERSIONS.keySet());
        }
        return version;
    }

    static Collection<Version> all() {
        return Collections.unmodifiableCollection(VERSIONS.values());
    }

    private static void add(Version version) {
        VERSIONS.put(version.id(), version);
    }
}
