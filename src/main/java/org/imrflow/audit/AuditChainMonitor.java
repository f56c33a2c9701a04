package org.imrflow.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.imrflow.ScheduledOnce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain on a schedule ({@code imr.audit.verify-interval}, hourly by default): the outcome is the
 * health indicator {@code auditChain} (down once a break is found) and a log line. After each verification that
 * holds, the chain's head is anchored outside the database: written to the log and appended to
 * {@code imr.audit.anchor-file}; the next verification checks that the entry anchored last is still there, so that
 * a tail rewritten or cut together with the chain's head is found too.
 *
 * <p>With several application instances the scheduled verification runs on one of them per interval
 * ({@link ScheduledOnce}); each instance's health shows the verifications it ran, and anchors go to its own
 * anchor file.
 */
@Component("auditChain")
public class AuditChainMonitor implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

    private final AuditVerification verification;
    private final Path anchors;
    private final ScheduledOnce once;
    private final Duration interval;
    private volatile AuditVerification.Verification last;

    AuditChainMonitor(AuditVerification verification, ScheduledOnce once,
                      @Value("${imr.audit.anchor-file:${imr.data-dir:./data}/audit-anchors.log}") String anchorFile,
                      @Value("${imr.audit.verify-interval:PT1H}") Duration interval) {
        this.verification = verification;
        this.once = once;
        this.anchors = Path.of(anchorFile);
        this.interval = interval;
    }

    /** The verification on its schedule: on one instance per interval. */
    @Scheduled(initialDelayString = "${imr.audit.verify-delay:PT1M}", fixedDelayString = "${imr.audit.verify-interval:PT1H}")
    void scheduledCheck() {
        once.runOncePer("audit-chain-verification", interval, this::check);
    }

    public AuditVerification.Verification check() {
        AuditVerification.Verification result = verification.verify(lastAnchor());
        last = result;
        if (result.valid()) {
            anchor(result);
        } else {
            log.error("The audit chain is broken at entry {} (place {}): {}", result.firstBreak().entryId(),
                    result.firstBreak().seq(), result.firstBreak().kind());
        }
        return result;
    }

    @Override
    public Health health() {
        AuditVerification.Verification result = last;
        if (result == null) {
            return Health.unknown().withDetail("verified", "not yet").build();
        }
        Health.Builder health = result.valid() ? Health.up() : Health.down()
                .withDetail("break", result.firstBreak().kind()).withDetail("at", result.firstBreak().seq());
        return health.withDetail("entries", result.checked()).build();
    }

    /** The last anchor written, if any. */
    AuditVerification.Anchor lastAnchor() {
        if (!Files.isRegularFile(anchors)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(anchors, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String[] fields = lines.get(i).strip().split(" ");
                if (fields.length >= 3) {
                    return new AuditVerification.Anchor(Long.parseLong(fields[1]), fields[2]);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit anchors cannot be read from " + anchors, e);
        }
    }

    private void anchor(AuditVerification.Verification result) {
        if (result.headSeq() == 0) {
            return;
        }
        String head = verification.hashAt(result.headSeq());
        String line = Instant.now() + " " + result.headSeq() + " " + head;
        log.info("Audit chain verified: {} entries; anchor {}", result.checked(), line);
        try {
            if (anchors.getParent() != null) {
                Files.createDirectories(anchors.getParent());
            }
            Files.writeString(anchors, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("The audit anchor could not be written to {}: {}", anchors, e.getMessage());
        }
    }
}
