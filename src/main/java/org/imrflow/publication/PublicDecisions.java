package org.imrflow.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.ItemDetermination;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.Redaction;
import org.imrflow.correspondence.RenderedLetter;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.determination.DeterminationIssued;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.CaseSummary;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.Party;
import org.imrflow.intake.PartyRole;
import org.imrflow.intake.TreatmentCategory;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public copies of the decisions. A copy is prepared when a determination is issued, from the facts the
 * Final Determination Letter was rendered from, with the parties' names (and any a coordinator adds) removed; it
 * becomes public only when a coordinator releases it, and is then stored as a letter of its own, immutable.
 * Releasing twice changes nothing.
 */
@Service
public class PublicDecisions {

    private static final String COLUMNS = """
            case_number, prepared_at, extra_redactions, released_at, released_by, decision_date, date_of_injury,
            received_date, specialty, outcome, categories""";
    private static final int MAX_EXTRA_REDACTIONS = 4000;

    private final CaseFiles cases;
    private final Letters letters;
    private final BusinessTime time;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    PublicDecisions(CaseFiles cases, Letters letters, BusinessTime time, AuditLog audit, JdbcClient jdbc) {
        this.cases = cases;
        this.letters = letters;
        this.time = time;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Prepares the public copy of a case just decided; a repeated event prepares nothing more. */
    @ApplicationModuleListener
    void on(DeterminationIssued issued) {
        DeterminationLetterContent facts = letters.determinationFacts(issued.caseId()).orElseThrow(
                () -> new IllegalStateException("Case " + issued.caseNumber() + " has no Final Determination Letter"));
        CaseSummary application = cases.byId(issued.caseId());
        List<String> categories = cases.items(issued.caseId()).stream().map(DisputedItem::treatmentCategory)
                .distinct().map(Enum::name).toList();
        int prepared = jdbc.sql("""
                insert into public_decision (case_id, case_number, prepared_at, decision_date, date_of_injury,
                    received_date, specialty, outcome, categories)
                values (:case, :number, :at, :decided, :injured, :received, :specialty, :outcome, :categories)
                on conflict (case_id) do nothing""")
                .param("case", issued.caseId()).param("number", issued.caseNumber())
                .param("at", Timestamp.from(time.now())).param("decided", BusinessTime.dateOf(issued.issuedAt()))
                .param("injured", application.dateOfInjury()).param("received", application.receivedDate())
                .param("specialty", String.join(", ", facts.credentials().specialties()))
                .param("outcome", Outcome.of(facts.items().stream().map(ItemDetermination::decision).toList()).name())
                .param("categories", String.join(",", categories))
                .update();
        if (prepared > 0) {
            audit.recordAs(AuditLog.SYSTEM, "PUBLIC_COPY_PREPARED", issued.caseNumber(),
                    "redacted public copy prepared for review");
        }
    }

    /** The public copy of a case, released or not, for those who may see the case. */
    @Transactional(readOnly = true)
    public Optional<PublicDecision> of(String caseNumber, Actor actor) {
        CaseSummary found = cases.visible(caseNumber, actor);
        return find(found.id());
    }

    /** The public copy as it reads now: the one released, or the one that would be released. */
    @Transactional(readOnly = true)
    public RenderedLetter preview(String caseNumber, Actor actor) {
        CaseSummary found = cases.visible(caseNumber, actor);
        PublicDecision decision = find(found.id()).orElseThrow(() -> notPrepared(caseNumber));
        return letters.preview(redacted(found.id(), decision.extraRedactions()));
    }

    /**
     * A coordinator has more names removed from a copy not yet released: names of people or providers the
     * narrative mentions that the application did not give, one per entry.
     */
    @Transactional
    public PublicDecision redact(String caseNumber, List<String> names, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        PublicDecision decision = lock(found.id()).orElseThrow(() -> notPrepared(caseNumber));
        if (decision.released()) {
            throw new ConflictException("The public copy of case " + caseNumber + " was released on "
                    + BusinessTime.dateOf(decision.releasedAt()) + "; it can no longer change.");
        }
        List<String> added = names == null ? List.of() : names.stream()
                .filter(name -> name != null && !name.isBlank()).map(name -> name.strip().replaceAll("\\s+", " "))
                .toList();
        if (added.isEmpty()) {
            throw InvalidInputException.of("names", "Enter at least one name to remove.");
        }
        if (added.stream().anyMatch(name -> name.length() < 2 || name.length() > 200)) {
            throw InvalidInputException.of("names", "Each name has 2 to 200 characters.");
        }
        Set<String> all = new LinkedHashSet<>(decision.extraRedactions());
        all.addAll(added);
        String stored = String.join("\n", all);
        if (stored.length() > MAX_EXTRA_REDACTIONS) {
            throw InvalidInputException.of("names", "Too many names: at most " + MAX_EXTRA_REDACTIONS + " characters in all.");
        }
        jdbc.sql("update public_decision set extra_redactions = :names where case_id = :case")
                .param("names", stored).param("case", found.id()).update();
        audit.record("PUBLIC_COPY_REDACTED", caseNumber, added.size() + " more name(s) removed from the public copy");
        return find(found.id()).orElseThrow();
    }

    /** A coordinator releases the public copy: it is stored, immutable, and listed publicly. Releasing again changes nothing. */
    @Transactional
    public PublicDecision release(String caseNumber, Actor actor) {
        actor.require(Role.COORDINATOR);
        CaseSummary found = cases.visible(caseNumber, actor);
        PublicDecision decision = lock(found.id()).orElseThrow(() -> notPrepared(caseNumber));
        if (decision.released()) {
            return decision;
        }
        CaseRef ref = new CaseRef(found.id(), found.caseNumber());
        var letter = letters.issuePublicCopy(ref, redacted(found.id(), decision.extraRedactions()));
        jdbc.sql("update public_decision set released_at = :at, released_by = :by, letter_id = :letter where case_id = :case")
                .param("at", Timestamp.from(time.now())).param("by", actor.username()).param("letter", letter.id())
                .param("case", found.id()).update();
        audit.record("PUBLIC_COPY_RELEASED", caseNumber, "public copy released, sha256 " + letter.sha256());
        return find(found.id()).orElseThrow();
    }

    /** Released decisions matching the search, newest decision first; anyone may search. */
    @Transactional(readOnly = true)
    public List<PublicDecision> search(PublicDecisionSearch search, int limit) {
        search.check();
        StringBuilder where = new StringBuilder("released_at is not null");
        Map<String, Object> params = new HashMap<>();
        if (search.caseNumber() != null && !search.caseNumber().isBlank()) {
            where.append(" and case_number like :number");
            params.put("number", search.caseNumber().strip().toUpperCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        between(where, params, "decision_date", search.decidedFrom(), search.decidedTo());
        between(where, params, "date_of_injury", search.injuredFrom(), search.injuredTo());
        between(where, params, "received_date", search.receivedFrom(), search.receivedTo());
        if (search.specialty() != null && !search.specialty().isBlank()) {
            where.append(" and specialty ilike :specialty");
            params.put("specialty", "%" + search.specialty().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (search.outcome() != null) {
            where.append(" and outcome = :outcome");
            params.put("outcome", search.outcome().name());
        }
        if (search.category() != null) {
            where.append(" and :category = any(string_to_array(categories, ','))");
            params.put("category", search.category().name());
        }
        return jdbc.sql("select " + COLUMNS + " from public_decision where " + where
                        + " order by decision_date desc, case_number limit :limit")
                .params(params).param("limit", limit).query(PublicDecisions::decision).list();
    }

    /** A released decision, for anyone; a copy not released is no more found than one that does not exist. */
    @Transactional(readOnly = true)
    public PublicDecision released(String caseNumber) {
        return jdbc.sql("select " + COLUMNS + " from public_decision where case_number = :number and released_at is not null")
                .param("number", caseNumber).query(PublicDecisions::decision).optional()
                .orElseThrow(() -> new NotFoundException("No published decision " + caseNumber + "."));
    }

    /** The released public copy's text. */
    @Transactional(readOnly = true)
    public String releasedText(String caseNumber) {
        return letters.publicCopyText(releasedCaseId(caseNumber)).orElseThrow();
    }

    /** The released public copy's PDF. */
    @Transactional(readOnly = true)
    public byte[] releasedPdf(String caseNumber) {
        return letters.publicCopyPdf(releasedCaseId(caseNumber)).orElseThrow();
    }

    private long releasedCaseId(String caseNumber) {
        return jdbc.sql("select case_id from public_decision where case_number = :number and released_at is not null")
                .param("number", caseNumber).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No published decision " + caseNumber + "."));
    }

    /** The letter's facts without the parties' names, the names a coordinator added, or any titled or degreed name. */
    private DeterminationLetterContent redacted(long caseId, List<String> extraNames) {
        DeterminationLetterContent facts = letters.determinationFacts(caseId).orElseThrow();
        List<String> people = new ArrayList<>(extraNames);
        List<String> organizations = new ArrayList<>();
        for (Party party : cases.parties(caseId)) {
            (organization(party.role()) ? organizations : people).add(party.name());
        }
        CaseSummary application = cases.byId(caseId);
        organizations.add(application.claimNumber());
        return Redaction.of(people, organizations).apply(facts);
    }

    private static boolean organization(PartyRole role) {
        return role == PartyRole.EMPLOYER || role == PartyRole.CLAIMS_ADMINISTRATOR;
    }

    private Optional<PublicDecision> find(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from public_decision where case_id = :case")
                .param("case", caseId).query(PublicDecisions::decision).optional();
    }

    private Optional<PublicDecision> lock(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from public_decision where case_id = :case for update")
                .param("case", caseId).query(PublicDecisions::decision).optional();
    }

    private static void between(StringBuilder where, Map<String, Object> params, String column,
                                LocalDate from, LocalDate to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= :").append(column).append("_from");
            params.put(column + "_from", from);
        }
        if (to != null) {
            where.append(" and ").append(column).append(" <= :").append(column).append("_to");
            params.put(column + "_to", to);
        }
    }

    private static NotFoundException notPrepared(String caseNumber) {
        return new NotFoundException("Case " + caseNumber + " has no public copy: it has no Final Determination Letter.");
    }

    private static PublicDecision decision(ResultSet rs, int row) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        String extra = rs.getString("extra_redactions");
        String categories = rs.getString("categories");
        return new PublicDecision(rs.getString("case_number"), rs.getTimestamp("prepared_at").toInstant(),
                extra.isEmpty() ? List.of() : List.of(extra.split("\n")),
                released == null ? null : released.toInstant(), rs.getString("released_by"),
                rs.getObject("decision_date", LocalDate.class), rs.getObject("date_of_injury", LocalDate.class),
                rs.getObject("received_date", LocalDate.class), rs.getString("specialty"),
                Outcome.valueOf(rs.getString("outcome")),
                categories.isEmpty() ? List.of() : Arrays.stream(categories.split(",")).map(TreatmentCategory::valueOf).toList());
    }
}
