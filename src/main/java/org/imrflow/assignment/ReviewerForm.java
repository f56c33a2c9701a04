package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.imrflow.assignment.ReviewerEntry.AffiliationEntry;
import org.imrflow.assignment.ReviewerEntry.LeaveEntry;
import org.imrflow.assignment.ReviewerEntry.LicenseEntry;
import org.imrflow.assignment.ReviewerEntry.SanctionEntry;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The panel page's form for a reviewer, as the browser sends it: repeating rows for licenses, specialties,
 * affiliations, sanctions and leave, some of them left blank. Blank rows are dropped before the entry is checked,
 * and {@link #formPath} maps an error on the n-th filled row back to the row on the page.
 */
public class ReviewerForm {

    static final String[] GROUPS = {"licenses", "specialties", "affiliations", "sanctions", "leaves"};

    private String username;
    private String displayName;
    private boolean active = true;
    private Integer yearsInPractice;
    private Integer hoursPerWeek;
    private Integer capacity;
    private List<LicenseRow> licenses = new ArrayList<>();
    private List<String> specialties = new ArrayList<>();
    private List<AffiliationRow> affiliations = new ArrayList<>();
    private List<SanctionRow> sanctions = new ArrayList<>();
    private List<LeaveRow> leaves = new ArrayList<>();

    /** A new reviewer: active, with blank rows to fill. */
    static ReviewerForm blank() {
        ReviewerForm form = new ReviewerForm();
        form.pad();
        return form;
    }

    static ReviewerForm of(ReviewerProfile profile) {
        Reviewer r = profile.reviewer();
        ReviewerForm form = new ReviewerForm();
        form.username = r.username();
        form.displayName = r.fullName();
        form.active = r.active();
        form.yearsInPractice = r.yearsInPractice();
        form.hoursPerWeek = r.weeklyHours();
        form.capacity = r.capacity();
        for (License license : r.licenses()) {
            form.licenses.add(new LicenseRow(license.state(), license.number(), license.status().name(),
                    license.expiresOn()));
        }
        form.specialties.addAll(r.specialties());
        for (Affiliation affiliation : profile.affiliations()) {
            form.affiliations.add(new AffiliationRow(affiliation.name(), affiliation.kind().name(), affiliation.npi()));
        }
        for (Sanction sanction : profile.sanctions()) {
            form.sanctions.add(new SanctionRow(sanction.description(), sanction.imposedOn(), sanction.endsOn()));
        }
        for (Leave leave : profile.leaves()) {
            form.leaves.add(new LeaveRow(leave.startsOn(), leave.endsOn(), leave.note()));
        }
        form.pad();
        return form;
    }

    /** The filled rows as an entry to check; a row with nothing in it is not one. */
    ReviewerEntry toEntry() {
        return new ReviewerEntry(username, displayName, active,
                filled(licenses, LicenseRow::blank).stream()
                        .map(l -> new LicenseEntry(l.getState(), l.getNumber(), l.getStatus(), l.getExpires())).toList(),
                filled(specialties, ReviewerForm::blank), yearsInPractice, hoursPerWeek, capacity,
                filled(affiliations, AffiliationRow::blank).stream()
                        .map(a -> new AffiliationEntry(a.getName(), a.getKind(), a.getNpi())).toList(),
                filled(sanctions, SanctionRow::blank).stream()
                        .map(s -> new SanctionEntry(s.getDescription(), s.getImposedOn(), s.getEndsOn())).toList(),
                filled(leaves, LeaveRow::blank).stream()
                        .map(l -> new LeaveEntry(l.getStartsOn(), l.getEndsOn(), l.getNote())).toList());
    }

    /** An error's path in the entry ({@code licenses[1].state}) as the path of the row on the page. */
    String formPath(String entryPath) {
        for (String group : GROUPS) {
            if (entryPath.startsWith(group + "[")) {
                int close = entryPath.indexOf(']');
                int index = Integer.parseInt(entryPath.substring(group.length() + 1, close));
                List<Integer> rows = filledRows(group);
                int row = index < rows.size() ? rows.get(index) : index;
                return group + "[" + row + "]" + entryPath.substring(close + 1);
            }
        }
        return entryPath;
    }

    /** One more blank row in a group (the "add a row" buttons, which work without JavaScript). */
    void addRow(String group) {
        switch (group) {
            case "licenses" -> licenses.add(new LicenseRow());
            case "specialties" -> specialties.add("");
            case "affiliations" -> affiliations.add(new AffiliationRow());
            case "sanctions" -> sanctions.add(new SanctionRow());
            case "leaves" -> leaves.add(new LeaveRow());
            default -> { }
        }
    }

    /** Blank rows at the end of each group to fill in: a new reviewer gets room for two licenses, three specialties. */
    void pad() {
        padTo(licenses, LicenseRow::blank, LicenseRow::new, 2);
        padTo(specialties, ReviewerForm::blank, () -> "", 3);
        padTo(affiliations, AffiliationRow::blank, AffiliationRow::new, 1);
        padTo(sanctions, SanctionRow::blank, SanctionRow::new, 1);
        padTo(leaves, LeaveRow::blank, LeaveRow::new, 1);
    }

    private List<Integer> filledRows(String group) {
        return switch (group) {
            case "licenses" -> indexes(licenses, LicenseRow::blank);
            case "specialties" -> indexes(specialties, ReviewerForm::blank);
            case "affiliations" -> indexes(affiliations, AffiliationRow::blank);
            case "sanctions" -> indexes(sanctions, SanctionRow::blank);
            default -> indexes(leaves, LeaveRow::blank);
        };
    }

    private static <T> List<T> filled(List<T> rows, Predicate<T> blank) {
        return rows.stream().filter(row -> row != null && !blank.test(row)).toList();
    }

    private static <T> List<Integer> indexes(List<T> rows, Predicate<T> blank) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) != null && !blank.test(rows.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static <T> void padTo(List<T> rows, Predicate<T> blank, Supplier<T> empty, int minimum) {
        rows.replaceAll(row -> row == null ? empty.get() : row);
        if (rows.isEmpty() || !blank.test(rows.getLast())) {
            rows.add(empty.get());
        }
        while (rows.size() < minimum) {
            rows.add(empty.get());
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public static class LicenseRow {
        private String state;
        private String number;
        private String status = LicenseStatus.ACTIVE.name();
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate expires;

        public LicenseRow() {
        }

        LicenseRow(String state, String number, String status, LocalDate expires) {
            this.state = state;
            this.number = number;
            this.status = status;
            this.expires = expires;
        }

        /** Blank when nothing but the preselected status is in it. */
        boolean blank() {
            return ReviewerForm.blank(state) && ReviewerForm.blank(number) && expires == null;
        }

        public String getState() {
            return state;
        }

        public void setState(String state) {
            this.state = state;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }

        public String getStatus() {
            return status;
        }

        public void setStatus(String status) {
            this.status = status;
        }

        public LocalDate getExpires() {
            return expires;
        }

        public void setExpires(LocalDate expires) {
            this.expires = expires;
        }
    }

    public static class AffiliationRow {
        private String name;
        private String kind;
        private String npi;

        public AffiliationRow() {
        }

        AffiliationRow(String name, String kind, String npi) {
            this.name = name;
            this.kind = kind;
            this.npi = npi;
        }

        boolean blank() {
            return ReviewerForm.blank(name) && ReviewerForm.blank(kind) && ReviewerForm.blank(npi);
        }

        public String getNpi() {
            return npi;
        }

        public void setNpi(String npi) {
            this.npi = npi;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }
    }

    public static class SanctionRow {
        private String description;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate imposedOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate endsOn;

        public SanctionRow() {
        }

        SanctionRow(String description, LocalDate imposedOn, LocalDate endsOn) {
            this.description = description;
            this.imposedOn = imposedOn;
            this.endsOn = endsOn;
        }

        boolean blank() {
            return ReviewerForm.blank(description) && imposedOn == null && endsOn == null;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public LocalDate getImposedOn() {
            return imposedOn;
        }

        public void setImposedOn(LocalDate imposedOn) {
            this.imposedOn = imposedOn;
        }

        public LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(LocalDate endsOn) {
            this.endsOn = endsOn;
        }
    }

    public static class LeaveRow {
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate startsOn;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate endsOn;
        private String note;

        public LeaveRow() {
        }

        LeaveRow(LocalDate startsOn, LocalDate endsOn, String note) {
            this.startsOn = startsOn;
            this.endsOn = endsOn;
            this.note = note;
        }

        boolean blank() {
            return startsOn == null && endsOn == null && ReviewerForm.blank(note);
        }

        public LocalDate getStartsOn() {
            return startsOn;
        }

        public void setStartsOn(LocalDate startsOn) {
            this.startsOn = startsOn;
        }

        public LocalDate getEndsOn() {
            return endsOn;
        }

        public void setEndsOn(LocalDate endsOn) {
            this.endsOn = endsOn;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Integer getYearsInPractice() {
        return yearsInPractice;
    }

    public void setYearsInPractice(Integer yearsInPractice) {
        this.yearsInPractice = yearsInPractice;
    }

    public Integer getHoursPerWeek() {
        return hoursPerWeek;
    }

    public void setHoursPerWeek(Integer hoursPerWeek) {
        this.hoursPerWeek = hoursPerWeek;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public List<LicenseRow> getLicenses() {
        return licenses;
    }

    public void setLicenses(List<LicenseRow> licenses) {
        this.licenses = licenses;
    }

    public List<String> getSpecialties() {
        return specialties;
    }

    public void setSpecialties(List<String> specialties) {
        this.specialties = specialties;
    }

    public List<AffiliationRow> getAffiliations() {
        return affiliations;
    }

    public void setAffiliations(List<AffiliationRow> affiliations) {
        this.affiliations = affiliations;
    }

    public List<SanctionRow> getSanctions() {
        return sanctions;
    }

    public void setSanctions(List<SanctionRow> sanctions) {
        this.sanctions = sanctions;
    }

    public List<LeaveRow> getLeaves() {
        return leaves;
    }

    public void setLeaves(List<LeaveRow> leaves) {
        this.leaves = leaves;
    }
}
