package org.imrflow.records;

import org.imrflow.deadlines.Delivery;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The records stage ({@code imr.records.*}).
 *
 * @param noticeDelivery how the Notice of Assignment reaches the claims administrator: the records are due 15 days
 *                       after a mailed notice, 12 after an electronic one
 */
@ConfigurationProperties("imr.records")
public record RecordsProperties(@DefaultValue("MAIL") Delivery noticeDelivery) {}
