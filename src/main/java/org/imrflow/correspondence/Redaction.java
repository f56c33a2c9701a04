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
 * with a title before it ("Dr.") and a possessive after it. For a person the parts of the name (first name,
 * surname) go too, since narratives often name people by surname alone; an organization goes only as a whole,
 * since its words ("Auto", "Services") are common ones.
 */
public final class Redaction {

    private static final String TITLES = "(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\\.?\\s+)?";
    private static final Set<String> NOT_NAMES = Set.of("dr", "md", "do", "esq", "jr", "sr", "ii", "iii", "phd",
            "dc", "the", "and", "of");

    private final List<Pattern> patterns;

    private Redaction(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    /** The redaction of the given people's and organizations' names. */
    public static Redaction of(Collection<String> people, Collection<String> organizations) {
        Set<String> names = new LinkedHashSet<>();
        for (String person : people) {
            if (person == null || person.isBlank()) {
                continue;
            }
            names.add(person.strip());
            // "Lee Advocate, Esq." is written "Lee Advocate" in a narrative
            names.add(person.strip().split(",")[0].strip());
            for (String part : person.strip().split("[\\s,]+")) {
                String bare = part.replaceAll("[.]", "");
                if (bare.length() >= 2 && !NOT_NAMES.contains(bare.toLowerCase(Locale.ROOT))) {
                    names.add(bare);
                }
            }
        }
        for (String organization : organizations) {
            if (organization != null && !organization.isBlank()) {
                names.add(organization.strip());
            }
        }
        List<String> longestFirst = new ArrayList<>(names);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        List<Pattern> patterns = longestFirst.stream().map(Redaction::pattern).toList();
        return new Redaction(patterns);
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

    private static Pattern pattern(String name) {
        String words = String.join("\\s+", Arrays.stream(name.split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile(TITLES + "(?<![\\p{L}\\p{N}])" + words + "(?:['’]s)?(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
