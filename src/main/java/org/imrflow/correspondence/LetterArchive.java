package org.imrflow.correspondence;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued letters, immutable once stored: one letter of each kind per case. */
@Repository
class LetterArchive {

    private final JdbcClient jdbc;

    LetterArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INFO = "select id, case_id, kind, title, sha256, template_version, issued_at, imported from letter ";

    Optional<LetterInfo> find(long caseId, LetterKind kind) {
        return jdbc.sql(INFO + "where case_id = :case and kind = :kind")
                .param("case", caseId).param("kind", kind.name()).query(LetterArchive::info).optional();
    }

    /**
     * Stores the letter with the facts it was rendered from (JSON, or null), and whether it was issued elsewhere and
     * imported; a letter of a kind a case has once is not stored again, and the one stored is returned.
     */
    LetterInfo store(long caseId, LetterKind kind, RenderedLetter letter, String factsJson, boolean imported) {
        Optional<Long> id = jdbc.sql("""
                insert into letter (case_id, kind, title, text_content, pdf_content, sha256, template_version, facts,
                    imported)
                values (:case, :kind, :title, :text, :pdf, :sha, :version, cast(:facts as jsonb), :imported)
                on conflict (case_id, kind) where kind <> 'INFORMATION_REQUEST' do nothing
                returning id""")
                .param("case", caseId).param("kind", kind.name()).param("title", letter.title())
                .param("text", letter.text()).param("pdf", letter.pdf()).param("sha", letter.sha256())
                .param("version", letter.templateVersion()).param("facts", factsJson).param("imported", imported)
                .query(Long.class).optional();
        return id.map(this::byId).orElseGet(() -> find(caseId, kind).orElseThrow());
    }

    private LetterInfo byId(long letterId) {
        return jdbc.sql(INFO + "where id = :id").param("id", letterId).query(LetterArchive::info).single();
    }

    List<LetterInfo> forCase(long caseId) {
        return jdbc.sql(INFO + "where case_id = :case order by issued_at, id")
                .param("case", caseId).query(LetterArchive::info).list();
    }

    Optional<String> text(long caseId, long letterId) {
        return jdbc.sql("select text_content from letter where case_id = :case and id = :id")
                .param("case", caseId).param("id", letterId).query(String.class).optional();
    }

    Optional<byte[]> pdf(long caseId, long letterId) {
        return jdbc.sql("select pdf_content from letter where case_id = :case and id = :id")
                .param("case", caseId).param("id", letterId).query(byte[].class).optional();
    }

    /** The facts (JSON) the case's letter of this kind was rendered from, if it was stored with them. */
    Optional<String> facts(long caseId, LetterKind kind) {
        return jdbc.sql("select facts::text from letter where case_id = :case and kind = :kind and facts is not null")
                .param("case", caseId).param("kind", kind.name()).query(String.class).optional();
    }

    private static LetterInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LetterInfo(rs.getLong(1), rs.getLong(2), LetterKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getBoolean(8));
    }
}
