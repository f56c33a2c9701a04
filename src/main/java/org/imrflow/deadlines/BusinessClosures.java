package org.imrflow.deadlines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The business_closure table. */
@Repository
class BusinessClosures {

    private final JdbcClient jdbc;

    BusinessClosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Closure> all() {
        return jdbc.sql("select closure_date, name from business_closure order by closure_date")
                .query(BusinessClosures::closure).list();
    }

    Optional<Closure> find(LocalDate date) {
        return jdbc.sql("select closure_date, name from business_closure where closure_date = :date")
                .param("date", date).query(BusinessClosures::closure).optional();
    }

    /** Stores the closure unless its date has one already; says whether it did. */
    boolean insert(Closure closure, String createdBy) {
        // on conflict: a failed insert would abort the caller's transaction, and two admins may race
        return jdbc.sql("""
                insert into business_closure (closure_date, name, created_by) values (:date, :name, :by)
                on conflict (closure_date) do nothing""")
                .param("date", closure.date()).param("name", closure.name()).param("by", createdBy)
                .update() == 1;
    }

    /** Deletes the closure of the date and returns its name, if there was one. */
    Optional<String> delete(LocalDate date) {
        return jdbc.sql("delete from business_closure where closure_date = :date returning name")
                .param("date", date).query(String.class).optional();
    }

    private static Closure closure(ResultSet rs, int row) throws SQLException {
        return new Closure(rs.getObject(1, LocalDate.class), rs.getString(2));
    }
}
