package org.imrflow.assignment;

import java.util.List;
import org.imrflow.ImrProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A small demo reviewer registry for the demo reviewer logins, created in embedded mode only: one reviewer
 * fits behavioral health, the other physical medicine and pain, and has an affiliation to test conflicts with.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class DemoReviewers {

    private final ReviewerRegistry reviewers;
    private final ImrProperties properties;

    DemoReviewers(ReviewerRegistry reviewers, ImrProperties properties) {
        this.reviewers = reviewers;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void create() {
        if (!properties.demo().enabled()) {
            return;
        }
        if (!reviewers.exists("reviewer")) {
            reviewers.add("reviewer", "Dr. Riley Reviewer", List.of("California"), List.of("Psychiatry"), 14, 32);
        }
        if (!reviewers.exists("reviewer2")) {
            long id = reviewers.add("reviewer2", "Dr. Sam Second", List.of("Texas", "California"),
                    List.of("Family Practice", "Pain Management"), 9, 30);
            reviewers.addAffiliation(id, "Pacific Coast Insurance Services", "consulting contract");
        }
    }
}
