package org.imrflow.correspondence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a party based its decision on, as one guideline line of the Final Determination Letter states it
 * ("Claims Administrator guideline: ..." and "<organization> guideline: ..."). The letter words the line
 * from the kind, the party and the template version; the citations are printed literally, so their own
 * final period (or its absence, as on several real letters) is part of the fact.
 *
 * <p>{@link Kind#VERBATIM} holds a historical line that fits none of the wordings, kept as it was printed
 * so that an imported letter still reads as issued.
 */
public record GuidelineBasis(Kind kind, String mtusCitation, String nonMtusCitation, String verbatim) {

    public enum Kind {
        /** "Decision based on MTUS <mtusCitation>" */
        MTUS,
        /** the non-MTUS sentence of the template version, then "Decision based on Non-MTUS Citation <nonMtusCitation>" */
        NON_MTUS,
        /** "Decision based on MTUS <mtusCitation> Decision based on Non-MTUS Citation <nonMtusCitation>" */
        MTUS_AND_NON_MTUS,
        /** "The <party> did not cite any medical evidence for its decision." */
        NO_EVIDENCE,
        /** the line as printed on a historical letter */
        VERBATIM
    }

    public GuidelineBasis {
        Objects.requireNonNull(kind, "kind");
        boolean mtus = kind == Kind.MTUS || kind == Kind.MTUS_AND_NON_MTUS;
        boolean nonMtus = kind == Kind.NON_MTUS || kind == Kind.MTUS_AND_NON_MTUS;
        expect(mtus, mtusCitation, "mtusCitation", kind);
        expect(nonMtus, nonMtusCitation, "nonMtusCitation", kind);
        expect(kind == Kind.VERBATIM, verbatim, "verbatim", kind);
    }

    /**
     * A basis as a person chose it (the intake form, the reviewer's form): a citation is a sentence, so it gets a
     * final period; a kind that cites nothing takes no citation. The problems, by field ({@code basis},
     * {@code mtusCitation}, {@code nonMtusCitation}), are empty when the choice fits its fields.
     */
    public static Map<String, String> problems(Kind kind, String mtusCitation, String nonMtusCitation) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null || kind == Kind.VERBATIM) {
            problems.put("basis", "Choose what the decision was based on: MTUS, NON_MTUS, MTUS_AND_NON_MTUS or NO_EVIDENCE.");
            return problems;
        }
        boolean mtus = kind == Kind.MTUS || kind == Kind.MTUS_AND_NON_MTUS;
        boolean nonMtus = kind == Kind.NON_MTUS || kind == Kind.MTUS_AND_NON_MTUS;
        choice(mtus, mtusCitation, "mtusCitation", "the MTUS guideline and section", kind, problems);
        choice(nonMtus, nonMtusCitation, "nonMtusCitation", "the non-MTUS guideline", kind, problems);
        return problems;
    }

    /** The basis a person chose, which {@link #problems} found fitting; citations end with a period. */
    public static GuidelineBasis chosen(Kind kind, String mtusCitation, String nonMtusCitation) {
        return new GuidelineBasis(kind, sentence(mtusCitation), sentence(nonMtusCitation), null);
    }

    private static void choice(boolean needed, String value, String field, String what, Kind kind,
                               Map<String, String> problems) {
        boolean given = value != null && !value.isBlank();
        if (needed && !given) {
            problems.put(field, "Cite " + what + ".");
        } else if (!needed && given) {
            problems.put(field, kind == Kind.NO_EVIDENCE ? "No evidence was cited: leave this citation empty."
                    : "A " + kind + " basis has no such citation: leave it empty.");
        } else if (given && value.length() > 4000) {
            problems.put(field, "Use at most 4000 characters.");
        }
    }

    private static String sentence(String citation) {
        if (citation == null || citation.isBlank()) {
            return null;
        }
        String text = citation.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    public static GuidelineBasis mtus(String mtusCitation) {
        return new GuidelineBasis(Kind.MTUS, mtusCitation, null, null);
    }

    public static GuidelineBasis nonMtus(String nonMtusCitation) {
        return new GuidelineBasis(Kind.NON_MTUS, null, nonMtusCitation, null);
    }

    public static GuidelineBasis both(String mtusCitation, String nonMtusCitation) {
        return new GuidelineBasis(Kind.MTUS_AND_NON_MTUS, mtusCitation, nonMtusCitation, null);
    }

    public static GuidelineBasis noEvidence() {
        return new GuidelineBasis(Kind.NO_EVIDENCE, null, null, null);
    }

    public static GuidelineBasis verbatim(String line) {
        return new GuidelineBasis(Kind.VERBATIM, null, null, line);
    }

    // a field the kind does not print would be silently lost, one it needs would print an empty citation
    private static void expect(boolean needed, String value, String field, Kind kind) {
        if (needed && (value == null || value.isBlank())) {
            throw new IllegalArgumentException(field + " must not be blank for a " + kind + " basis");
        }
        if (!needed && value != null) {
            throw new IllegalArgumentException(field + " must be null for a " + kind + " basis: the letter would not print it");
        }
    }
}
