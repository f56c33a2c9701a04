package org.imrflow.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.Delivery;
import org.imrflow.deadlines.ReviewType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The intake tables: imr_case, disputed_item, case_document. */
@Repository
class CaseRepository {

    private static final String CASE_COLUMNS = """
            id, case_number, stage, review_type, received_date, employee_first_name, employee_last_name,
            claim_number, date_of_injury, employer_name, claims_administrator_name, requesting_physician_name,
            requesting_physician_specialty, requesting_physician_npi, ur_decision_date, ur_service_method, signed,
            ur_decision_attached, conditional_non_certification, assigned_at, imported, closed_at, created_at""";

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long nextCaseSequence() {
        return jdbc.sql("select nextval('case_number_seq')").query(Long.class).single();
    }

    boolean caseNumberExists(String caseNumber) {
        return jdbc.sql("select count(*) from imr_case where case_number = :n").param("n", caseNumber)
                .query(Integer.class).single() > 0;
    }

    /** Inserts the case; {@code assignedAt} is set for a case taken over after its assignment. */
    long insertCase(String caseNumber, ApplicationForm form, Instant assignedAt, boolean imported, String createdBy) {
        return jdbc.sql("""
                insert into imr_case (case_number, stage, review_type, received_date, employee_first_name,
                    employee_last_name, claim_number, date_of_injury, employer_name, claims_administrator_name,
                    requesting_physician_name, requesting_physician_specialty, requesting_physician_npi, ur_decision_date,
                    ur_service_method, signed, ur_decision_attached, conditional_non_certification, assigned_at, imported,
                    created_by)
                values (:number, 'ELIGIBILITY', :type, :received, :first, :last, :claim, :doi, :employer, :ca,
                    :physician, :specialty, :npi, :ur, :served, :signed, :attached, :cnc, :assigned, :imported, :by)
                returning id""")
                .param("number", caseNumber).param("type", form.reviewType().name())
                .param("received", form.receivedDate()).param("first", form.employeeFirstName().strip())
                .param("last", form.employeeLastName().strip()).param("claim", form.claimNumber().strip())
                .param("doi", form.dateOfInjury()).param("employer", form.employerName().strip())
                .param("ca", form.claimsAdministratorName().strip())
                .param("physician", form.requestingPhysicianName().strip())
                .param("specialty", form.requestingPhysicianSpecialty().strip())
                .param("npi", Npi.normalized(form.requestingPhysicianNpi()))
                .param("ur", form.urDecisionDate()).param("served", form.urServiceMethod().name())
                .param("assigned", assignedAt == null ? null : Timestamp.from(assignedAt)).param("imported", imported)
                .param("signed", form.signed())
                .param("attached", form.urDecisionAttached()).param("cnc", form.conditionalNonCertification())
                .param("by", createdBy)
                .query(Long.class).single();
    }

    /**
     * Inserts the decided case of a letter imported from another system: the names it does not state as
     * {@code placeholder}, the facts it does not state (null) as unknown, closed now.
     */
    long insertImportedCase(ImportedCase imported, String placeholder, Instant closedAt, String createdBy) {
        return jdbc.sql("""
                insert into imr_case (case_number, stage, review_type, received_date, employee_first_name,
                    employee_last_name, claim_number, date_of_injury, employer_name, claims_administrator_name,
                    requesting_physician_name, requesting_physician_specialty, ur_decision_date, assigned_at, imported,
                    closed_at, created_by)
                values (:number, 'DECIDED', :type, :received, :unknown, '', :unknown, :doi, :unknown, :unknown,
                    :unknown, :unknown, :ur, :assigned, true, :closed, :by)
                returning id""")
                .param("number", imported.caseNumber())
                .param("type", imported.reviewType() == null ? null : imported.reviewType().name())
                .param("received", imported.receivedDate()).param("doi", imported.dateOfInjury())
                .param("ur", imported.urDecisionDate()).param("unknown", placeholder)
                .param("assigned", imported.assignedDate() == null ? null : Timestamp.from(
                        imported.assignedDate().atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant()))
                .param("closed", Timestamp.from(closedAt)).param("by", createdBy)
                .query(Long.class).single();
    }

    /** An item of an imported letter: the request as printed, and the claims administrator's basis as printed. */
    void insertImportedItem(long caseId, int lineNo, ImportedCase.Item item) {
        GuidelineBasis basis = item.claimsAdministratorBasis();
        jdbc.sql("""
                insert into disputed_item (case_id, line_no, description, authorized, remaining_portion, ca_basis,
                    ca_mtus_citation, ca_non_mtus_citation, ca_guideline_citation)
                values (:case, :line, :description, :authorized, :remaining, :basis, :mtus, :nonMtus, :verbatim)""")
                .param("case", caseId).param("line", lineNo).param("description", item.request())
                .param("authorized", item.authorized()).param("remaining", item.remainingPortion())
                .param("basis", basis.kind().name()).param("mtus", basis.mtusCitation())
                .param("nonMtus", basis.nonMtusCitation()).param("verbatim", basis.verbatim())
                .update();
    }

    /** The address of a party, and the name of one the case table does not name (the representative). */
    void insertParty(long caseId, PartyRole role, String name, Address address) {
        jdbc.sql("""
                insert into case_party (case_id, role, name, street, city, state, zip)
                values (:case, :role, :name, :street, :city, :state, :zip)""")
                .param("case", caseId).param("role", role.name()).param("name", name)
                .param("street", address == null ? null : address.street().strip())
                .param("city", address == null ? null : address.city().strip())
                .param("state", address == null ? null : address.state())
                .param("zip", address == null ? null : address.zip())
                .update();
    }

    private static final Set<String> CORRECTABLE = Set.of("employee_first_name",
            "employee_last_name", "employer_name", "claims_administrator_name", "requesting_physician_name");

    /** A name of the case table corrected (CaseCorrections); the column is one of {@link #CORRECTABLE}. */
    void correctCase(long caseId, String column, String value) {
        if (!CORRECTABLE.contains(column)) {
            throw new IllegalArgumentException("not a correctable column: " + column);
        }
        jdbc.sql("update imr_case set " + column + " = :value where id = :case")
                .param("value", value).param("case", caseId).update();
    }

    void correctPartyName(long caseId, PartyRole role, String name) {
        jdbc.sql("update case_party set name = :name where case_id = :case and role = :role")
                .param("name", name).param("case", caseId).param("role", role.name()).update();
    }

    void correctAddress(long caseId, PartyRole role, Address address) {
        jdbc.sql("update case_party set street = :street, city = :city where case_id = :case and role = :role")
                .param("street", address.street()).param("city", address.city()).param("case", caseId)
                .param("role", role.name()).update();
    }

    void correctItemDescription(long caseId, long itemId, String description) {
        jdbc.sql("update disputed_item set description = :description where case_id = :case and id = :id")
                .param("description", description).param("case", caseId).param("id", itemId).update();
    }

    /** The recorded addresses and names, by role. */
    Map<PartyRole, Party> recordedParties(long caseId) {
        return jdbc.sql("select role, name, street, city, state, zip from case_party where case_id = :case")
                .param("case", caseId)
                .query((rs, i) -> new Party(PartyRole.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null
                                : new Address(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6))))
                .list().stream().collect(Collectors.toMap(Party::role, p -> p));
    }

    void insertItem(long caseId, int lineNo, ApplicationForm.DisputedItemForm item) {
        GuidelineBasis basis = GuidelineBasis.chosen(item.claimsAdministratorBasis(),
                item.claimsAdministratorMtusCitation(), item.claimsAdministratorNonMtusCitation());
        jdbc.sql("""
                insert into disputed_item (case_id, line_no, description, quantity, treatment_category, authorized,
                    remaining_portion, ca_basis, ca_mtus_citation, ca_non_mtus_citation)
                values (:case, :line, :description, :quantity, :category, :authorized, :remaining, :basis, :mtus,
                    :nonMtus)""")
                .param("case", caseId).param("line", lineNo).param("description", item.description().strip())
                .param("quantity", item.quantity()).param("category", item.treatmentCategory().name())
                .param("authorized", blankToNull(item.authorized()))
                .param("remaining", blankToNull(item.remainingPortion()))
                .param("basis", basis.kind().name()).param("mtus", basis.mtusCitation())
                .param("nonMtus", basis.nonMtusCitation())
                .update();
    }

    long insertDocument(long caseId, DocumentFile document, DocumentSource source, LocalDate receivedDate,
                        boolean withApplication, String sha256, Instant at, String by) {
        return jdbc.sql("""
                insert into case_document (case_id, file_name, content_type, size_bytes, sha256, content, source,
                    received_date, with_application, uploaded_at, uploaded_by)
                values (:case, :name, :type, :size, :sha, :content, :source, :received, :withApplication, :at, :by)
                returning id""")
                .param("case", caseId).param("name", document.fileName().strip())
                .param("type", document.normalizedType()).param("size", document.content().length)
                .param("sha", sha256).param("content", document.content()).param("source", source.name())
                .param("received", receivedDate).param("withApplication", withApplication)
                .param("at", Timestamp.from(at)).param("by", by)
                .query(Long.class).single();
    }

    Optional<CaseSummary> findByNumber(String caseNumber) {
        return jdbc.sql("select " + CASE_COLUMNS + " from imr_case where case_number = :n")
                .param("n", caseNumber).query(CaseRepository::summary).optional();
    }

    Optional<CaseSummary> findById(long id) {
        return jdbc.sql("select " + CASE_COLUMNS + " from imr_case where id = :id")
                .param("id", id).query(CaseRepository::summary).optional();
    }

    List<DisputedItem> items(long caseId) {
        return jdbc.sql("""
                select id, line_no, description, quantity, treatment_category, authorized, remaining_portion, ca_basis,
                       ca_mtus_citation, ca_non_mtus_citation, ca_guideline_citation
                from disputed_item where case_id = :case order by line_no""")
                .param("case", caseId)
                .query((rs, i) -> new DisputedItem(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5) == null ? null : TreatmentCategory.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7),
                        new GuidelineBasis(GuidelineBasis.Kind.valueOf(rs.getString(8)), rs.getString(9),
                                rs.getString(10), rs.getString(11))))
                .list();
    }

    List<CaseDocument> documents(long caseId) {
        return jdbc.sql("""
                select id, file_name, content_type, size_bytes, sha256, source, received_date, with_application,
                       uploaded_at, uploaded_by
                from case_document where case_id = :case order by id""")
                .param("case", caseId)
                .query((rs, i) -> new CaseDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), DocumentSource.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class),
                        rs.getBoolean(8), rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .list();
    }

    Optional<byte[]> documentContent(long caseId, long documentId) {
        return jdbc.sql("select content from case_document where case_id = :case and id = :id")
                .param("case", caseId).param("id", documentId).query(byte[].class).optional();
    }

    void updateStage(long caseId, Stage stage) {
        jdbc.sql("""
                update imr_case set stage = :stage,
                       closed_at = case when :closed then now() else closed_at end
                where id = :id""")
                .param("stage", stage.name()).param("closed", stage.closed()).param("id", caseId).update();
    }

    /** The case's stage, its row locked until the transaction ends. */
    Stage lockStage(long caseId) {
        return Stage.valueOf(jdbc.sql("select stage from imr_case where id = :id for update")
                .param("id", caseId).query(String.class).single());
    }

    LocalDate treatmentAuthorizedOn(long caseId) {
        return jdbc.sql("select treatment_authorized_on from imr_case where id = :id")
                .param("id", caseId).query(LocalDate.class).single();
    }

    void terminate(long caseId, Instant at, LocalDate treatmentAuthorizedOn, String reason) {
        jdbc.sql("""
                update imr_case set terminated_at = :at, treatment_authorized_on = :authorized, termination_reason = :reason
                where id = :id and terminated_at is null""")
                .param("at", Timestamp.from(at)).param("authorized", treatmentAuthorizedOn).param("reason", reason)
                .param("id", caseId).update();
    }

    void updateAssignment(long caseId, Instant assignedAt) {
        jdbc.sql("update imr_case set assigned_at = :at where id = :id and assigned_at is null")
                .param("at", Timestamp.from(assignedAt)).param("id", caseId).update();
    }

    void expedite(long caseId, Instant at, String certifyingPhysician, LocalDate certifiedOn) {
        jdbc.sql("""
                update imr_case set review_type = 'EXPEDITED', expedited_at = :at, expedited_certified_by = :by,
                    expedited_certified_on = :on
                where id = :id""")
                .param("at", Timestamp.from(at)).param("by", certifyingPhysician).param("on", certifiedOn)
                .param("id", caseId).update();
    }

    void updateEligibilityFacts(long caseId, boolean signed, boolean attached, boolean cnc) {
        jdbc.sql("""
                update imr_case set signed = :signed, ur_decision_attached = :attached,
                       conditional_non_certification = :cnc where id = :id""")
                .param("signed", signed).param("attached", attached).param("cnc", cnc).param("id", caseId)
                .update();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
        String reviewType = rs.getString("review_type");
        String served = rs.getString("ur_service_method");
        return new CaseSummary(rs.getLong("id"), rs.getString("case_number"), Stage.valueOf(rs.getString("stage")),
                reviewType == null ? null : ReviewType.valueOf(reviewType), rs.getObject("received_date", LocalDate.class),
                rs.getString("employee_first_name"), rs.getString("employee_last_name"), rs.getString("claim_number"),
                rs.getObject("date_of_injury", LocalDate.class), rs.getString("employer_name"),
                rs.getString("claims_administrator_name"), rs.getString("requesting_physician_name"),
                rs.getString("requesting_physician_specialty"), rs.getString("requesting_physician_npi"),
                rs.getObject("ur_decision_date", LocalDate.class),
                served == null ? null : Delivery.valueOf(served),
                (Boolean) rs.getObject("signed"), (Boolean) rs.getObject("ur_decision_attached"),
                (Boolean) rs.getObject("conditional_non_certification"), instant(rs, "assigned_at"),
                rs.getBoolean("imported"), instant(rs, "closed_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
