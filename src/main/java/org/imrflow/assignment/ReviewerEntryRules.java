package org.imrflow.assignment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.imrflow.intake.Npi;
import org.imrflow.assignment.ReviewerEntry.AffiliationEntry;
import org.imrflow.assignment.ReviewerEntry.LeaveEntry;
import org.imrflow.assignment.ReviewerEntry.LicenseEntry;
import org.imrflow.assignment.ReviewerEntry.SanctionEntry;

/**
 * The rules of a reviewer's record, apart from the user behind it: a name, at least one license of a known state with
 * a number, a status and (unless unverified) an expiry, an active license not expired, at least one known specialty,
 * practice and capacity not negative, affiliations of a known kind, sanctions and leave with their dates in order.
 * States and specialties are stored under the spelling the letters print. Every mistake is reported against its field
 * ({@code licenses[0].state}, {@code specialties[1]}), all at once.
 */
final class ReviewerEntryRules {

    static final int NAME_LENGTH = 200;
    static final int NUMBER_LENGTH = 40;
    static final int DESCRIPTION_LENGTH = 1000;
    static final int NOTE_LENGTH = 200;
    static final int MAX_YEARS = 70;
    static final int MAX_HOURS = 168;
    static final int MAX_CAPACITY = 1000;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private ReviewerEntryRules() {
    }

    /** The entry checked on a day: the profile to store (id 0, username as given), or the errors by field. */
    record Checked(ReviewerProfile profile, Map<String, String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    static Checked check(ReviewerEntry entry, LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(entry.displayName());
        if (name.isEmpty()) {
            errors.put("displayName", "Enter the reviewer's name, such as Dr. Jordan Lee.");
        } else if (name.length() > NAME_LENGTH) {
            errors.put("displayName", "Use at most " + NAME_LENGTH + " characters.");
        }
        List<License> licenses = licenses(entry.licenses(), today, errors);
        List<String> specialties = specialties(entry.specialties(), errors);
        int years = whole(entry.yearsInPractice(), "yearsInPractice", MAX_YEARS,
                "Enter the years in active practice.", errors);
        int hours = whole(entry.hoursPerWeek(), "hoursPerWeek", MAX_HOURS,
                "Enter the hours a week currently spent in active practice.", errors);
        int capacity = whole(entry.capacity(), "capacity", MAX_CAPACITY,
                "Enter how many open cases the reviewer may hold at once (0 takes no new cases).", errors);
        List<Affiliation> affiliations = rows(entry.affiliations(), "affiliations", errors,
                (row, field) -> affiliation(row, field, errors));
        List<Sanction> sanctions = rows(entry.sanctions(), "sanctions", errors,
                (row, field) -> sanction(row, field, errors));
        List<Leave> leaves = rows(entry.leaves(), "leaves", errors, (row, field) -> leave(row, field, errors));
        boolean active = entry.active() == null || entry.active();
        Reviewer reviewer = new Reviewer(0, strip(entry.username()), name, licenses, specialties, active, years, hours,
                capacity);
        return new Checked(new ReviewerProfile(reviewer, sanctions, leaves, affiliations), errors);
    }

    private static List<License> licenses(List<LicenseEntry> entries, LocalDate today, Map<String, String> errors) {
        if (entries == null || entries.isEmpty()) {
            errors.put("licenses", "Add at least one license: the state, number, status and expiry.");
            return List.of();
        }
        Set<String> states = new HashSet<>();
        return rows(entries, "licenses", errors, (row, field) -> {
            Optional<String> state = UsStates.canonical(row.state());
            if (strip(row.state()).isEmpty()) {
                errors.put(field + ".state", "Choose the state that issued the license.");
            } else if (state.isEmpty()) {
                errors.put(field + ".state", "\"" + strip(row.state()) + "\" is not a US state; use its name, such as "
                        + "California, or its postal code, such as CA.");
            } else if (!states.add(state.get())) {
                errors.put(field + ".state", "A second license in " + state.get() + "; list each state once.");
            }
            String number = strip(row.number());
            if (number.isEmpty()) {
                errors.put(field + ".number", "Enter the license number.");
            } else if (number.length() > NUMBER_LENGTH) {
                errors.put(field + ".number", "Use at most " + NUMBER_LENGTH + " characters.");
            }
            Optional<LicenseStatus> status = constant(LicenseStatus.class, row.status(), LicenseStatus::label);
            if (strip(row.status()).isEmpty()) {
                errors.put(field + ".status", "Choose the license's status.");
            } else if (status.isEmpty()) {
                errors.put(field + ".status", "Use one of " + Arrays.toString(LicenseStatus.values()) + ".");
            }
            boolean unverified = status.orElse(null) == LicenseStatus.UNVERIFIED;
            if (row.expires() == null && !unverified) {
                errors.put(field + ".expires", "Enter the date the license expires.");
            } else if (row.expires() != null && status.orElse(null) == LicenseStatus.ACTIVE
                    && row.expires().isBefore(today)) {
                errors.put(field + ".expires", "An active license cannot have expired (" + SHOWN.format(row.expires())
                        + "); enter the renewed license's expiry, or set its status to INACTIVE.");
            }
            return new License(state.orElse(null), number, status.orElse(null), row.expires());
        });
    }

    private static List<String> specialties(List<String> entries, Map<String, String> errors) {
        if (entries == null || entries.isEmpty()) {
            errors.put("specialties", "Add at least one board certification or specialty, such as Pain Management.");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<String> specialties = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String given = strip(entries.get(i));
            Optional<String> specialty = Specialties.canonical(given);
            String field = "specialties[" + i + "]";
            if (given.isEmpty()) {
                errors.put(field, "Enter a specialty, or remove the row.");
            } else if (specialty.isEmpty()) {
                errors.put(field, "\"" + given + "\" is not a known specialty; choose one from the list, spelled as "
                        + "letters print it, such as Physical Medicine & Rehabilitation.");
            } else if (!seen.add(specialty.get())) {
                errors.put(field, specialty.get() + " is listed twice.");
            } else {
                specialties.add(specialty.get());
            }
        }
        return specialties;
    }

    private static Affiliation affiliation(AffiliationEntry row, String field, Map<String, String> errors) {
        String name = text(row.name(), field + ".name", NAME_LENGTH,
                "Enter the organization's or person's name.", errors);
        Optional<AffiliationKind> kind = constant(AffiliationKind.class, row.kind(), AffiliationKind::label);
        if (strip(row.kind()).isEmpty()) {
            errors.put(field + ".kind", "Choose the kind of affiliation.");
        } else if (kind.isEmpty()) {
            errors.put(field + ".kind", "Use one of " + Arrays.toString(AffiliationKind.values()) + ".");
        }
        String npi = Npi.normalized(row.npi());
        if (npi != null && !Npi.valid(npi)) {
            errors.put(field + ".npi", "An NPI is ten digits whose last is a check digit; \"" + npi + "\" is not one.");
        }
        return new Affiliation(name, kind.orElse(null), npi);
    }

    private static Sanction sanction(SanctionEntry row, String field, Map<String, String> errors) {
        String description = text(row.description(), field + ".description", DESCRIPTION_LENGTH,
                "Describe the action and who took it, such as Medical Board of California probation.", errors);
        if (row.imposedOn() == null) {
            errors.put(field + ".imposedOn", "Enter the date the sanction was imposed.");
        } else if (row.endsOn() != null && row.endsOn().isBefore(row.imposedOn())) {
            errors.put(field + ".endsOn", "A sanction cannot end before it was imposed.");
        }
        return new Sanction(description, row.imposedOn(), row.endsOn());
    }

    private static Leave leave(LeaveEntry row, String field, Map<String, String> errors) {
        if (row.startsOn() == null) {
            errors.put(field + ".startsOn", "Enter the first day of the leave.");
        }
        if (row.endsOn() == null) {
            errors.put(field + ".endsOn", "Enter the last day of the leave.");
        } else if (row.startsOn() != null && row.endsOn().isBefore(row.startsOn())) {
            errors.put(field + ".endsOn", "The leave cannot end before it starts.");
        }
        String note = strip(row.note());
        if (note.length() > NOTE_LENGTH) {
            errors.put(field + ".note", "Use at most " + NOTE_LENGTH + " characters.");
        }
        return new Leave(row.startsOn(), row.endsOn(), note.isEmpty() ? null : note);
    }

    @FunctionalInterface
    private interface RowRule<T, R> {
        R check(T row, String field);
    }

    private static <T, R> List<R> rows(List<T> entries, String name, Map<String, String> errors, RowRule<T, R> rule) {
        List<R> rows = new ArrayList<>();
        if (entries == null) {
            return rows;
        }
        for (int i = 0; i < entries.size(); i++) {
            String field = name + "[" + i + "]";
            if (entries.get(i) == null) {
                errors.put(field, "Fill in the row, or remove it.");
            } else {
                rows.add(rule.check(entries.get(i), field));
            }
        }
        return rows;
    }

    private static int whole(Integer value, String field, int max, String missing, Map<String, String> errors) {
        if (value == null) {
            errors.put(field, missing);
            return 0;
        }
        if (value < 0) {
            errors.put(field, "Cannot be below zero.");
        } else if (value > max) {
            errors.put(field, "Cannot be above " + max + ".");
        }
        return value;
    }

    private static String text(String value, String field, int max, String missing, Map<String, String> errors) {
        String text = strip(value);
        if (text.isEmpty()) {
            errors.put(field, missing);
        } else if (text.length() > max) {
            errors.put(field, "Use at most " + max + " characters.");
        }
        return text;
    }

    /** An enumeration constant by its name or label, in any case; also with spaces for underscores. */
    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String given, Function<E, String> label) {
        String key = strip(given).replace(' ', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.name().equals(key) || label.apply(c).equalsIgnoreCase(strip(given)))
                .findFirst();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ");
    }
}
