package org.imrflow.assignment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states (and the District of Columbia and the territories) a license is issued by, named as the letters print
 * them ("State(s) of Licensure: California, Texas"); the two-letter postal code is accepted for the name.
 */
public final class UsStates {

    private static final Map<String, String> BY_CODE = new LinkedHashMap<>();

    static {
        String[][] states = {
                {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
                {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
                {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
                {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
                {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
                {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
                {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
                {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
                {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
                {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
                {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
                {"PR", "Puerto Rico"}, {"GU", "Guam"}, {"VI", "U.S. Virgin Islands"}};
        for (String[] state : states) {
            BY_CODE.put(state[0], state[1]);
        }
    }

    private UsStates() {
    }

    public static List<String> names() {
        return List.copyOf(BY_CODE.values());
    }

    /** The state's printed name, given its name (any case and spacing) or its postal code; empty if unknown. */
    public static Optional<String> canonical(String state) {
        if (state == null) {
            return Optional.empty();
        }
        String given = state.strip().replaceAll("\\s+", " ");
        if (given.length() == 2) {
            return Optional.ofNullable(BY_CODE.get(given.toUpperCase(Locale.ROOT)));
        }
        return BY_CODE.values().stream().filter(name -> name.equalsIgnoreCase(given)).findFirst();
    }
}
