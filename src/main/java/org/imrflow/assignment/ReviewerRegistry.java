package org.imrflow.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reviewer registry: reviewer and reviewer_affiliation. */
@Repository
public class ReviewerRegistry {

    static final String COLUMNS =
            "id, username, full_name, license_states, specialties, active, years_in_practice, weekly_hours";

    private final JdbcClient jdbc;

    ReviewerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Reviewer> all() {
        return jdbc.sql("select " + COLUMNS + " from reviewer order by full_name").query(ReviewerRegistry::reviewer).list();
    }

    List<Reviewer> active() {
        return jdbc.sql("select " + COLUMNS + " from reviewer where active order by full_name")
                .query(ReviewerRegistry::reviewer).list();
    }

    Optional<Reviewer> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from reviewer where id = :id").param("id", id)
                .query(ReviewerRegistry::reviewer).optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from reviewer where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    /** Names of the parties each reviewer is affiliated with, lower-cased for comparison. */
    List<String> affiliations(long reviewerId) {
        return jdbc.sql("select lower(trim(party_name)) from reviewer_affiliation where reviewer_id = :id")
                .param("id", reviewerId).query(String.class).list();
    }

    public long add(String username, String fullName, List<String> licenseStates, List<String> specialties,
                    int yearsInPractice, int weeklyHours) {
        return jdbc.sql("""
                insert into reviewer (username, full_name, license_states, specialties, years_in_practice, weekly_hours)
                values (:u, :n, :states, :specialties, :years, :hours) returning id""")
                .param("u", username).param("n", fullName).param("states", String.join(", ", licenseStates))
                .param("specialties", String.join(", ", specialties)).param("years", yearsInPractice)
                .param("hours", weeklyHours).query(Long.class).single();
    }

    public void addAffiliation(long reviewerId, String partyName, String relation) {
        jdbc.sql("insert into reviewer_affiliation (reviewer_id, party_name, relation) values (:r, :p, :rel)")
                .param("r", reviewerId).param("p", partyName).param("rel", relation).update();
    }

    /** Maps a row of the reviewer table, columns in the order of {@link #COLUMNS}. */
    static Reviewer reviewer(ResultSet rs, int row) throws SQLException {
        return new Reviewer(rs.getLong(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
                split(rs.getString(5)), rs.getBoolean(6), rs.getInt(7), rs.getInt(8));
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
