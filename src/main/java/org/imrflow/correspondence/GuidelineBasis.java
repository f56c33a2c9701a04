package org.imrflow.correspondence;

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
