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

    Optional<LetterInfo> find(long caseId, LetterKind kind) {
        return jdbc.sql("select id, case_id, kind, title, sha256, issued_at, imported from letter where case_id = :case and kind = :kind")
                .param("case", caseId).param("kind", kind.name()).query(LetterArchive::info).optional();
    }

    LetterInfo store(long caseId, LetterKind kind, RenderedLetter letter) {
        return store(caseId, kind, letter, null, false);
    }

    /**
     * Stores a letter once per case and kind, with the template version it was rendered in (null: a letter of one
     * wording), and whether it was issued elsewhere and imported.
     */
    LetterInfo store(long caseId, LetterKind kind, RenderedLetter letter, String templateVersion, boolean imported) {
        jdbc.sql("""
                insert into letter (case_id, kind, title, text_content, pdf_content, sha256, template_version, imported)
                values (:case, :kind, :title, :text, :pdf, :sha, :version, :imported)
                on conflict (case_id, kind) do nothing""")
                .param("case", caseId).param("kind", kind.name()).param("title", letter.title())
                .param("text", letter.text()).param("pdf", letter.pdf()).param("sha", letter.sha256())
                .param("version", templateVersion).param("imported", imported)
                .update();
        return find(caseId, kind).orElseThrow();
    }

    List<LetterInfo> forCase(long caseId) {
        return jdbc.sql("select id, case_id, kind, title, sha256, issued_at, imported from letter where case_id = :case order by issued_at")
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

    private static LetterInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LetterInfo(rs.getLong(1), rs.getLong(2), LetterKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getBoolean(7));
    }
}
