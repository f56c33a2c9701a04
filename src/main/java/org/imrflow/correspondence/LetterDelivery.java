package org.imrflow.correspondence;

import java.time.Instant;
import java.time.LocalDate;
import org.imrflow.deadlines.Delivery;

/** One recipient's copy of an issued letter: how and when it was sent, and when it was received if known. */
public record LetterDelivery(long id, long letterId, String recipientRole, String recipientName,
                             String recipientAddress, Delivery method, Instant sentAt, LocalDate receivedOn) {}
