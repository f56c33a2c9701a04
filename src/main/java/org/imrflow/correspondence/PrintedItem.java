package org.imrflow.correspondence;

import static org.imrflow.correspondence.ExtractedText.excerpt;
import static org.imrflow.correspondence.ExtractedText.phrase;
import static org.imrflow.correspondence.ExtractedText.ws;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One item block of a letter as printed (its lines cut apart, whitespace collapsed), read into an
 * {@link ItemDetermination} once the template version is known: the item line into the request and any partial
 * approval, each guideline line into the basis it states in that version's wording, or kept verbatim.
 *
 * @param line the item line without its ": Upheld"/": Overturned"
 */
record PrintedItem(int number, String line, String decision, String claimsAdministrator, String organization,
        String rationale, String shortName) {

    static final String CLAIMS_ADMINISTRATOR = "Claims Administrator";
    static final String EXPERT_REVIEWER = "Expert Reviewer";

    private static final String ORIGINAL_REQUEST = ws("was the original request.");
    private static final Pattern AUTHORIZED_PART = Pattern.compile("(?<request>.+?)\\s*" + ORIGINAL_REQUEST
            + "\\s*(?<authorized>.+?)\\s*" + ws("was authorized by the Claims Administrator.") + "\\s*"
            + ws("The remaining IMR eligible portion of the original request,") + "\\s*(?<remainder>.+?)\\s*" + ws("is"));
    private static final Pattern AUTHORIZED_OTHER = Pattern.compile("(?<request>.+?)\\s*" + ORIGINAL_REQUEST
            + "\\s*" + ws("The Claims Administrator authorized") + "\\s*(?<authorized>.+?)\\s*,\\s*"
            + ws("leaving the original request IMR eligible.") + "\\s*" + ws("The original request,")
            + "\\s*(?<remainder>.+?)\\s*" + ws("is"));

    private static final String MTUS = ws("Decision based on MTUS");
    private static final String NON_MTUS = ws("Decision based on Non-MTUS Citation");
    private static final Pattern ANOTHER_BASIS = phrase("Decision based on");
    private static final Pattern BOTH = Pattern.compile(MTUS + "\\s*(?<mtus>.+?)\\s*" + NON_MTUS + "\\s*(?<nonMtus>.+)");
    private static final Pattern MTUS_ONLY = Pattern.compile(MTUS + "\\s*(?<mtus>.+)");
    private static final String OUTSIDE_MTUS = "based their decision on recommendation(s) outside of the MTUS Guidelines.";
    private static final String NOT_ON_MTUS = "did not base their decision on the MTUS.";

    /** Whether {@code itemLine} is a whole partial-approval item line, in either wording. */
    static boolean isPartialApproval(String itemLine) {
        return AUTHORIZED_PART.matcher(itemLine).matches() || AUTHORIZED_OTHER.matcher(itemLine).matches();
    }

    /** Whether the text holds "... was the original request." at all. */
    static boolean namesAnOriginalRequest(String text) {
        return Pattern.compile(ORIGINAL_REQUEST).matcher(text).find();
    }

    /**
     * The non-MTUS sentence a guideline line opens with: true for the 2016 wording ("based their decision on
     * recommendation(s) outside of the MTUS Guidelines."), false for the older one, empty for neither.
     */
    static Optional<Boolean> outsideMtusWording(String guidelineLine) {
        for (String party : List.of(CLAIMS_ADMINISTRATOR, EXPERT_REVIEWER)) {
            if (phrase("The " + party + " " + OUTSIDE_MTUS).matcher(guidelineLine).lookingAt()) {
                return Optional.of(true);
            }
            if (phrase("The " + party + " " + NOT_ON_MTUS).matcher(guidelineLine).lookingAt()) {
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    ItemDetermination determination(LetterTemplateVersions.Version version, List<String> warnings) {
        String request = line;
        PartialApproval partial = null;
        Matcher part = AUTHORIZED_PART.matcher(line);
        Matcher other = AUTHORIZED_OTHER.matcher(line);
        if (part.matches()) {
            request = part.group("request");
            partial = new PartialApproval(part.group("authorized"), part.group("remainder"), false);
        } else if (other.matches()) {
            request = other.group("request");
            partial = new PartialApproval(other.group("authorized"), other.group("remainder"), true);
        }
        return new ItemDetermination(request, partial, decision,
                basis(claimsAdministrator, CLAIMS_ADMINISTRATOR, version, warnings),
                basis(organization, EXPERT_REVIEWER, version, warnings), rationale);
    }

    /** The basis a guideline line states, or the line itself when it fits none of the version's wordings. */
    private GuidelineBasis basis(String guidelineLine, String party, LetterTemplateVersions.Version version,
            List<String> warnings) {
        if (phrase("The " + party + " did not cite any medical evidence for its decision.").matcher(guidelineLine).matches()) {
            return GuidelineBasis.noEvidence();
        }
        String sentence = "The " + party + " " + (version.outsideMtusWording() ? OUTSIDE_MTUS : NOT_ON_MTUS);
        Matcher nonMtus = Pattern.compile(ws(sentence) + "\\s*" + NON_MTUS + "\\s*(?<nonMtus>.+)").matcher(guidelineLine);
        if (nonMtus.matches() && single(nonMtus.group("nonMtus"))) {
            return GuidelineBasis.nonMtus(nonMtus.group("nonMtus"));
        }
        Matcher both = BOTH.matcher(guidelineLine);
        if (both.matches() && single(both.group("mtus")) && single(both.group("nonMtus"))) {
            return GuidelineBasis.both(both.group("mtus"), both.group("nonMtus"));
        }
        Matcher mtus = MTUS_ONLY.matcher(guidelineLine);
        if (mtus.matches() && single(mtus.group("mtus"))) {
            return GuidelineBasis.mtus(mtus.group("mtus"));
        }
        String label = party.equals(CLAIMS_ADMINISTRATOR) ? CLAIMS_ADMINISTRATOR : shortName;
        warnings.add("Item " + number + " (" + excerpt(line) + "): the " + label + " guideline line fits no wording of "
                + "template version " + version.id() + " and is kept verbatim: \"" + guidelineLine + "\"");
        return GuidelineBasis.verbatim(guidelineLine);
    }

    /** A citation holding a second "Decision based on" is two bases run together, which no kind prints apart. */
    private static boolean single(String citation) {
        return !ANOTHER_BASIS.matcher(citation).find();
    }
}
