package org.imrflow.assignment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The specialties a reviewer may be registered with ({@code reviewers/specialties.csv}): the ABMS member boards'
 * specialties and subspecialties and the non-physician licensed professions, each spelled as the letters print it.
 * A board's own spelling ("Orthopaedic Surgery", "Pain Medicine") is accepted as an alias of the printed one.
 */
public final class Specialties {

    /** How a specialty is held: a board specialty, a board subspecialty, or a licensed profession. */
    public enum Kind { SPECIALTY, SUBSPECIALTY, PROFESSION }

    /** One specialty: its printed name, kind and the board (or licensing board) that certifies it. */
    public record Specialty(String name, Kind kind, String board) {}

    private static final List<Specialty> ALL;
    private static final Map<String, String> BY_KEY = new HashMap<>();

    static {
        List<Specialty> all = new ArrayList<>();
        try (InputStream in = Specialties.class.getResourceAsStream("/reviewers/specialties.csv")) {
            if (in == null) {
                throw new IllegalStateException("reviewers/specialties.csv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";", -1);
                Specialty specialty = new Specialty(fields[0].strip(), Kind.valueOf(fields[1].strip()), fields[2].strip());
                all.add(specialty);
                BY_KEY.put(key(specialty.name()), specialty.name());
                for (String alias : fields[3].split(",")) {
                    if (!alias.isBlank()) {
                        BY_KEY.putIfAbsent(key(alias), specialty.name());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ALL = Collections.unmodifiableList(all);
    }

    private Specialties() {
    }

    public static List<Specialty> all() {
        return ALL;
    }

    /** The printed name of a specialty given by its name or an alias, in any case and spacing; empty if unknown. */
    public static Optional<String> canonical(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
    }

    private static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").replace(" and ", " & ").toLowerCase(Locale.ROOT);
    }
}
