package org.imrflow.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.imrflow.ConflictException;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.deadlines.Delivery;
import org.imrflow.engine.CaseRef;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery log: each recipient of each issued letter, the method and the time it was sent, and the date it
 * was received where a coordinator learns it (a return receipt, an acknowledgment). Deadlines that run from
 * service read it.
 */
@Service
public class LetterDeliveries {

    private static final String COLUMNS = """
            id, letter_id, recipient_role, recipient_name, recipient_address, method, sent_at, received_on""";

    private final JdbcClient jdbc;
    private final BusinessTime time;
    private final AuditLog audit;

    LetterDeliveries(JdbcClient jdbc, BusinessTime time, AuditLog audit) {
        this.jdbc = jdbc;
        this.time = time;
        this.audit = audit;
    }

    /** Records that the letter was sent to each recipient at the given time; a letter is sent to a recipient once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void sent(long letterId, long caseId, List<Recipient> recipients, Instant sentAt) {
        for (Recipient recipient : recipients) {
            jdbc.sql("""
                    insert into letter_delivery (letter_id, case_id, recipient_role, recipient_name, recipient_address,
                        method, sent_at)
                    values (:letter, :case, :role, :name, :address, :method, :at)
                    on conflict (letter_id, recipient_role) do nothing""")
                    .param("letter", letterId).param("case", caseId).param("role", recipient.role())
                    .param("name", recipient.name())
                    .param("address", recipient.address().isEmpty() ? null : String.join("\n", recipient.address()))
                    .param("method", recipient.method().name()).param("at", Timestamp.from(sentAt))
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public List<LetterDelivery> forCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from letter_delivery where case_id = :case order by letter_id, id")
                .param("case", caseId).query(LetterDeliveries::delivery).list();
    }

    /** The delivery of a letter to the recipient with this role, if it was sent to one. */
    @Transactional(readOnly = true)
    public Optional<LetterDelivery> of(long letterId, String recipientRole) {
        return jdbc.sql("select " + COLUMNS + " from letter_delivery where letter_id = :letter and recipient_role = :role")
                .param("letter", letterId).param("role", recipientRole).query(LetterDeliveries::delivery).optional();
    }

    /** A coordinator records the date a recipient received the letter, once; not before it was sent, nor later than today. */
    @Transactional
    public LetterDelivery received(CaseRef ref, long deliveryId, LocalDate receivedOn, Actor actor) {
        actor.require(Role.COORDINATOR);
        LetterDelivery delivery = jdbc.sql("select " + COLUMNS + " from letter_delivery where id = :id and case_id = :case for update")
                .param("id", deliveryId).param("case", ref.caseId()).query(LetterDeliveries::delivery).optional()
                .orElseThrow(() -> new NotFoundException("No such delivery for case " + ref.caseNumber() + "."));
        if (receivedOn == null) {
            throw InvalidInputException.of("receivedOn", "Enter the date the recipient received the letter.");
        }
        if (receivedOn.isAfter(time.today())) {
            throw InvalidInputException.of("receivedOn", "The date received cannot be in the future.");
        }
        if (receivedOn.isBefore(BusinessTime.dateOf(delivery.sentAt()))) {
            throw InvalidInputException.of("receivedOn", "The letter cannot be received before it was sent.");
        }
        if (delivery.receivedOn() != null) {
            if (delivery.receivedOn().equals(receivedOn)) {
                return delivery;
            }
            throw new ConflictException("The receipt was already recorded: received on " + delivery.receivedOn() + ".");
        }
        jdbc.sql("update letter_delivery set received_on = :on, received_recorded_by = :by where id = :id")
                .param("on", receivedOn).param("by", actor.username()).param("id", deliveryId).update();
        audit.record("LETTER_RECEIVED", ref.caseNumber(), "delivery " + deliveryId + " to " + delivery.recipientRole()
                + " received " + receivedOn);
        return forCase(ref.caseId()).stream().filter(d -> d.id() == deliveryId).findFirst().orElseThrow();
    }

    private static LetterDelivery delivery(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp(7);
        return new LetterDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Delivery.valueOf(rs.getString(6)), sent.toInstant(), rs.getObject(8, LocalDate.class));
    }
}
