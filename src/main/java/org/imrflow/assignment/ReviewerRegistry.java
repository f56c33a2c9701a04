package org.imrflow.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reviewer panel as stored: reviewer with its licenses, specialties, sanctions, leave and affiliations. Reads
 * load the children of many reviewers in one query each, so ranking a case reads the panel in six queries.
 */
@Repository
public class ReviewerRegistry {

    private static final String COLUMNS =
            "id, username, full_name, active, years_in_practice, weekly_hours, capacity";

    private final JdbcClient jdbc;

    ReviewerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Reviewer> all() {
        return withCredentials(jdbc.sql("select " + COLUMNS + " from reviewer order by full_name")
                .query(ReviewerRegistry::row).list());
    }

    List<Reviewer> active() {
        return withCredentials(jdbc.sql("select " + COLUMNS + " from reviewer where active order by full_name")
                .query(ReviewerRegistry::row).list());
    }

    public Optional<Reviewer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reviewer where id = :id").param("id", id)
                .query(ReviewerRegistry::row).optional().map(r -> withCredentials(List.of(r)).getFirst());
    }

    public Optional<Reviewer> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from reviewer where username = :u").param("u", username)
                .query(ReviewerRegistry::row).optional().map(r -> withCredentials(List.of(r)).getFirst());
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from reviewer where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    /** The active reviewers with their sanctions, leave and affiliations: what matching screens. */
    List<ReviewerProfile> activeProfiles() {
        return profiles(active());
    }

    /** Every reviewer, active or not, with sanctions, leave and affiliations: the panel as administrators see it. */
    List<ReviewerProfile> allProfiles() {
        return profiles(all());
    }

    Optional<ReviewerProfile> profile(long id) {
        return find(id).map(r -> profiles(List.of(r)).getFirst());
    }

    /** Adds a reviewer with everything recorded of them; returns the new id. */
    public long add(ReviewerProfile profile) {
        Reviewer r = profile.reviewer();
        long id = jdbc.sql("""
                insert into reviewer (username, full_name, active, years_in_practice, weekly_hours, capacity)
                values (:u, :n, :active, :years, :hours, :capacity) returning id""")
                .param("u", r.username()).param("n", r.fullName()).param("active", r.active())
                .param("years", r.yearsInPractice()).param("hours", r.weeklyHours()).param("capacity", r.capacity())
                .query(Long.class).single();
        insertChildren(id, profile);
        return id;
    }

    /** Replaces what is recorded of a reviewer (the username stays). */
    public void replace(long id, ReviewerProfile profile) {
        Reviewer r = profile.reviewer();
        jdbc.sql("""
                update reviewer set full_name = :n, active = :active, years_in_practice = :years,
                    weekly_hours = :hours, capacity = :capacity, updated_at = now()
                where id = :id""")
                .param("n", r.fullName()).param("active", r.active()).param("years", r.yearsInPractice())
                .param("hours", r.weeklyHours()).param("capacity", r.capacity()).param("id", id).update();
        for (String table : List.of("reviewer_license", "reviewer_specialty", "reviewer_sanction", "reviewer_leave",
                "reviewer_affiliation")) {
            jdbc.sql("delete from " + table + " where reviewer_id = :id").param("id", id).update();
        }
        insertChildren(id, profile);
    }

    private void insertChildren(long id, ReviewerProfile profile) {
        Reviewer r = profile.reviewer();
        for (int i = 0; i < r.licenses().size(); i++) {
            License license = r.licenses().get(i);
            jdbc.sql("""
                    insert into reviewer_license (reviewer_id, position, state, number, status, expires_on)
                    values (:id, :position, :state, :number, :status, :expires)""")
                    .param("id", id).param("position", i + 1).param("state", license.state())
                    .param("number", license.number()).param("status", license.status().name())
                    .param("expires", license.expiresOn()).update();
        }
        for (int i = 0; i < r.specialties().size(); i++) {
            jdbc.sql("insert into reviewer_specialty (reviewer_id, position, specialty) values (:id, :position, :s)")
                    .param("id", id).param("position", i + 1).param("s", r.specialties().get(i)).update();
        }
        for (Sanction sanction : profile.sanctions()) {
            jdbc.sql("""
                    insert into reviewer_sanction (reviewer_id, description, imposed_on, ends_on)
                    values (:id, :description, :imposed, :ends)""")
                    .param("id", id).param("description", sanction.description())
                    .param("imposed", sanction.imposedOn()).param("ends", sanction.endsOn()).update();
        }
        for (Leave leave : profile.leaves()) {
            jdbc.sql("insert into reviewer_leave (reviewer_id, starts_on, ends_on, note) values (:id, :from, :to, :note)")
                    .param("id", id).param("from", leave.startsOn()).param("to", leave.endsOn())
                    .param("note", leave.note()).update();
        }
        for (Affiliation affiliation : profile.affiliations()) {
            jdbc.sql("""
                    insert into reviewer_affiliation (reviewer_id, party_name, relation, kind, npi)
                    values (:id, :name, :relation, :kind, :npi)""")
                    .param("id", id).param("name", affiliation.name()).param("relation", affiliation.kind().label())
                    .param("kind", affiliation.kind().name()).param("npi", affiliation.npi()).update();
        }
    }

    private List<Reviewer> withCredentials(List<Reviewer> reviewers) {
        if (reviewers.isEmpty()) {
            return reviewers;
        }
        List<Long> ids = reviewers.stream().map(Reviewer::id).toList();
        Map<Long, List<License>> licenses = group(ids, """
                select reviewer_id, state, number, status, expires_on from reviewer_license
                where reviewer_id in (:ids) order by reviewer_id, position""",
                rs -> new License(rs.getString(2), rs.getString(3), LicenseStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class)));
        Map<Long, List<String>> specialties = group(ids, """
                select reviewer_id, specialty from reviewer_specialty where reviewer_id in (:ids)
                order by reviewer_id, position""", rs -> rs.getString(2));
        return reviewers.stream().map(r -> new Reviewer(r.id(), r.username(), r.fullName(),
                licenses.getOrDefault(r.id(), List.of()), specialties.getOrDefault(r.id(), List.of()), r.active(),
                r.yearsInPractice(), r.weeklyHours(), r.capacity())).toList();
    }

    private List<ReviewerProfile> profiles(List<Reviewer> reviewers) {
        if (reviewers.isEmpty()) {
            return List.of();
        }
        List<Long> ids = reviewers.stream().map(Reviewer::id).toList();
        Map<Long, List<Sanction>> sanctions = group(ids, """
                select reviewer_id, description, imposed_on, ends_on from reviewer_sanction
                where reviewer_id in (:ids) order by reviewer_id, imposed_on, id""",
                rs -> new Sanction(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
        Map<Long, List<Leave>> leaves = group(ids, """
                select reviewer_id, starts_on, ends_on, note from reviewer_leave
                where reviewer_id in (:ids) order by reviewer_id, starts_on, id""",
                rs -> new Leave(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4)));
        Map<Long, List<Affiliation>> affiliations = group(ids, """
                select reviewer_id, party_name, kind, npi from reviewer_affiliation
                where reviewer_id in (:ids) order by reviewer_id, id""",
                rs -> new Affiliation(rs.getString(2), AffiliationKind.valueOf(rs.getString(3)), rs.getString(4)));
        return reviewers.stream().map(r -> new ReviewerProfile(r, sanctions.getOrDefault(r.id(), List.of()),
                leaves.getOrDefault(r.id(), List.of()), affiliations.getOrDefault(r.id(), List.of()))).toList();
    }

    private <T> Map<Long, List<T>> group(Collection<Long> ids, String sql, RowReader<T> reader) {
        Map<Long, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((RowCallbackHandler) rs ->
                grouped.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(reader.read(rs)));
        return grouped;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A reviewer row without its licenses and specialties. */
    private static Reviewer row(ResultSet rs, int row) throws SQLException {
        return new Reviewer(rs.getLong(1), rs.getString(2), rs.getString(3), List.of(), List.of(), rs.getBoolean(4),
                rs.getInt(5), rs.getInt(6), rs.getInt(7));
    }
}
