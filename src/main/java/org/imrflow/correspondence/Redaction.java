package org.imrflow.correspondence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the names of people and organizations from a letter's narrative for its public copy (domain.md §6.5):
 * each name is deleted without a placeholder, as DWC's published letters show ("was seen by  on 11/12/2013"),
 * with a title before it ("Dr.") and a possessive after it.
 * <ul>
 * <li>A name given (a party's, or one a coordinator found) goes whatever its case.</li>
 * <li>The parts of a person's name (first name, surname) go too, since narratives often name people by surname
 * alone; but only as written in a name, capitalized or in capitals, because a surname may also be a word
 * ("Dr. Pat Treating" must not take "treating physician" with it).</li>
 * <li>An organization goes only as a whole, since its words ("Auto", "Services") are common ones.</li>
 * <li>A provider nobody named is still recognized by a title ("Dr. Stone", "Mrs. Gray") or a degree after the
 * name ("Ana Ruiz, M.D.").</li>
 * </ul>
 */
public final class Redaction {

    private static final String TITLES = "(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)?";
    private static final Set<String> NOT_NAMES = Set.of("dr", "md", "do", "esq", "jr", "sr", "ii", "iii", "phd",
            "dc", "the", "and", "of");
    private static final String BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
    private static final String BOUNDARY_AFTER = "(?:['’]s)?(?![\\p{L}\\p{N}])";
    /** A title and one or two capitalized words: "Dr. Stone", "Dr. Ana Stone", "DR. STONE". */
    private static final Pattern TITLED = Pattern.compile(BOUNDARY_BEFORE
            + "(?:Dr|DR|Mr|MR|Mrs|MRS|Ms|MS|Prof)\\.?[ \\t]+\\p{Lu}[\\p{L}'’-]+(?:[ \\t]+\\p{Lu}[\\p{Ll}'’-]+)?"
            + BOUNDARY_AFTER);
    /** Two or three capitalized words followed by a degree: "Ana Ruiz, M.D.", "Ana B. Ruiz MD". */
    private static final Pattern WITH_DEGREE = Pattern.compile(BOUNDARY_BEFORE
            + "\\p{Lu}[\\p{Ll}'’-]+(?:[ \\t]+\\p{Lu}\\.)?[ \\t]+\\p{Lu}[\\p{L}'’-]+,?[ \\t]+"
            + "(?:M\\.D\\.|MD|D\\.O\\.|D\\.C\\.|Ph\\.D\\.|PhD|PA-C|N\\.P\\.)(?![\\p{L}\\p{N}])");

    private final List<Pattern> patterns;

    private Redaction(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** The redaction of the given people's and organizations' names, and of any titled or degreed name. */
    public static Redaction of(Collection<String> people, Collection<String> organizations) {
        Set<String> wholeNames = new LinkedHashSet<>();
        Set<String> parts = new LinkedHashSet<>();
        for (String person : people) {
            if (person == null || person.isBlank()) {
                continue;
            }
            wholeNames.add(person.strip());
            // "Lee Advocate, Esq." is written "Lee Advocate" in a narrative
            wholeNames.add(person.strip().split(",")[0].strip());
            for (String part : person.strip().split("[\\s,]+")) {
                String bare = part.replaceAll("[.]", "");
                if (bare.length() >= 2 && !NOT_NAMES.contains(bare.toLowerCase(Locale.ROOT))) {
                    parts.add(bare);
                }
            }
        }
        for (String organization : organizations) {
            if (organization != null && !organization.isBlank()) {
                wholeNames.add(organization.strip());
            }
        }
        List<Pattern> patterns = new ArrayList<>();
        patterns.add(WITH_DEGREE);
        longestFirst(wholeNames).forEach(name -> patterns.add(Pattern.compile(TITLES + BOUNDARY_BEFORE + words(name)
                + BOUNDARY_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        for (String part : longestFirst(parts)) {
            String written = Pattern.quote(capitalized(part)) + "|" + Pattern.quote(part.toUpperCase(Locale.ROOT));
            patterns.add(Pattern.compile(TITLES + BOUNDARY_BEFORE + "(?:" + written + ")" + BOUNDARY_AFTER));
        }
        patterns.add(TITLED);
        return new Redaction(List.copyOf(patterns));
    }

    /** The text without the names; null stays null. */
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (Pattern pattern : patterns) {
            redacted = pattern.matcher(redacted).replaceAll("");
        }
        return redacted;
    }

    /** The facts of a Final Determination Letter with the names removed from everything a person wrote in it. */
    public DeterminationLetterContent apply(DeterminationLetterContent facts) {
        List<ItemDetermination> items = facts.items().stream()
                .map(item -> new ItemDetermination(apply(item.request()), item.partial() == null ? null
                        : new PartialApproval(apply(item.partial().authorized()), apply(item.partial().remainder()),
                                item.partial().wholeRequestRemains()),
                        item.decision(), item.claimsAdministrator(), item.organization(),
                        apply(item.decisionRationale())))
                .toList();
        return new DeterminationLetterContent(facts.templateVersion(), facts.caseNumber(), facts.dateAssigned(),
                facts.dateOfInjury(), facts.decisionDate(), facts.urDenialDate(), facts.priority(),
                facts.applicationReceived(), facts.organizationName(), facts.organizationShortName(),
                facts.credentials(), apply(facts.clinicalCaseSummary()), items);
    }

    private static List<String> longestFirst(Set<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static String words(String name) {
        return String.join("\\s+", Arrays.stream(name.split("\\s+")).map(Pattern::quote).toList());
    }

    private static String capitalized(String part) {
        return part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1);
    }
}
