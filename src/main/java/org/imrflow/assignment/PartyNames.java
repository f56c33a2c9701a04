package org.imrflow.assignment;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names compared for conflicts of interest as a person would: case, accents, punctuation and spacing do not count,
 * nor a corporate suffix or a leading "The" ("Pacific Coast Insurance Services, Inc." is "pacific coast insurance
 * services"). A name also matches a longer one that contains all its words in order, when it has two words or
 * more ("Shine Auto Detailing" is in "Shine Auto Detailing of Stockton").
 */
final class PartyNames {

    private static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "llc", "llp", "lp", "ltd", "limited",
            "co", "corp", "corporation", "company", "pc", "pa", "plc", "pllc", "apc", "apmc", "md", "esq");

    private PartyNames() {
    }

    static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        List<String> words = plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
        int start = !words.isEmpty() && words.getFirst().equals("the") ? 1 : 0;
        int end = words.size();
        while (end > start && SUFFIXES.contains(words.get(end - 1))) {
            end--;
        }
        return words.subList(start, end);
    }

    /** Whether the two names name the same party. */
    static boolean same(String a, String b) {
        List<String> x = words(a);
        List<String> y = words(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y)) {
            return true;
        }
        List<String> shorter = x.size() <= y.size() ? x : y;
        List<String> longer = shorter == x ? y : x;
        return shorter.size() >= 2 && java.util.Collections.indexOfSubList(longer, shorter) >= 0;
    }
}
