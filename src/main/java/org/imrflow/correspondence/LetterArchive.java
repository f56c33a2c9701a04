package org.imrflow.correspondence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Issued letters, immutable once stored: one letter of each kind per case. The application's database role may only
 * add and read letters; each keeps the SHA-256 of its PDF and of its text, checked whenever either is read.
 */
@Repository
class LetterArchive {

    private static final Logger log = LoggerFactory.getLogger(LetterArchive.class);

    private final JdbcClient jdbc;

    LetterArchive(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INFO =
            "select id, case_id, kind, title, sha256, text_sha256, template_version, issued_at, imported from letter ";

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
                insert into letter (case_id, kind, title, text_content, pdf_content, sha256, text_sha256,
                    template_version, facts, imported)
                values (:case, :kind, :title, :text, :pdf, :sha, :textSha, :version, cast(:facts as jsonb), :imported)
                on conflict (case_id, kind) where kind <> 'INFORMATION_REQUEST' do nothing
                returning id""")
                .param("case", caseId).param("kind", kind.name()).param("title", letter.title())
                .param("text", letter.text()).param("pdf", letter.pdf()).param("sha", letter.sha256())
                .param("textSha", LetterRenderer.sha256(letter.text().getBytes(StandardCharsets.UTF_8)))
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

    /** The letter's text, refused if it no longer gives the hash it was issued with. */
    Optional<String> text(long caseId, long letterId) {
        return jdbc.sql("select text_content, text_sha256 from letter where case_id = :case and id = :id")
                .param("case", caseId).param("id", letterId)
                .query((rs, i) -> checked(letterId, "text", rs.getString(1),
                        rs.getString(1).getBytes(StandardCharsets.UTF_8), rs.getString(2)))
                .optional();
    }

    /** The letter's PDF, refused if it no longer gives the hash it was issued with. */
    Optional<byte[]> pdf(long caseId, long letterId) {
        return jdbc.sql("select pdf_content, sha256 from letter where case_id = :case and id = :id")
                .param("case", caseId).param("id", letterId)
                .query((rs, i) -> checked(letterId, "PDF", rs.getBytes(1), rs.getBytes(1), rs.getString(2)))
                .optional();
    }

    private static <T> T checked(long letterId, String what, T content, byte[] bytes, String sha256) {
        if (!LetterRenderer.sha256(bytes).equals(sha256)) {
            log.error("The {} of letter {} no longer gives the SHA-256 it was issued with: it was altered in the "
                    + "database", what, letterId);
            throw new ConflictException("The " + what + " of letter " + letterId + " was altered after it was issued "
                    + "(it no longer matches its SHA-256) and is not shown. Tell an administrator.");
        }
        return content;
    }

    /** Every letter whose stored text or PDF no longer gives its hash, hashed in the database. */
    List<LetterCheck.Altered> altered() {
        // hashes every letter in one statement: exempt from the application's statement_timeout
        jdbc.sql("set local statement_timeout = 0").update();
        return jdbc.sql("""
                select id, case_id, kind, title,
                       text_sha256 <> encode(sha256(convert_to(text_content, 'UTF8')), 'hex'),
                       sha256 <> encode(sha256(pdf_content), 'hex')
                from letter
                where text_sha256 <> encode(sha256(convert_to(text_content, 'UTF8')), 'hex')
                   or sha256 <> encode(sha256(pdf_content), 'hex')
                order by id""")
                .query((rs, i) -> new LetterCheck.Altered(rs.getLong(1), rs.getLong(2),
                        LetterKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from letter").query(Long.class).single();
    }

    /** The facts (JSON) the case's letter of this kind was rendered from, if it was stored with them. */
    Optional<String> facts(long caseId, LetterKind kind) {
        return jdbc.sql("select facts::text from letter where case_id = :case and kind = :kind and facts is not null")
                .param("case", caseId).param("kind", kind.name()).query(String.class).optional();
    }

    private static LetterInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LetterInfo(rs.getLong(1), rs.getLong(2), LetterKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getBoolean(9));
    }
}
