package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.List;
import org.imrflow.ImrProperties;
import org.imrflow.deadlines.BusinessTime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo panel for the demo reviewer logins, created in embedded mode only: "reviewer" (psychiatry and pain
 * management, so the demo cases of chronic pain psychology and physical therapy fit them) and "reviewer2" (family
 * practice and psychiatry, which fit them too, affiliated with an insurer to show a conflict). A demo reviewer recorded before
 * licenses were verified gets the demo's licenses again.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class DemoReviewers {

    private final ReviewerRegistry reviewers;
    private final ImrProperties properties;
    private final BusinessTime time;

    DemoReviewers(ReviewerRegistry reviewers, ImrProperties properties, BusinessTime time) {
        this.reviewers = reviewers;
        this.properties = properties;
        this.time = time;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void create() {
        if (!properties.demo().enabled()) {
            return;
        }
        LocalDate expires = time.today().plusYears(2);
        demo(new ReviewerProfile(new Reviewer(0, "reviewer", "Dr. Riley Reviewer",
                List.of(new License("California", "A 104233", LicenseStatus.ACTIVE, expires)),
                List.of("Psychiatry", "Pain Management"), true, 14, 32, 12), List.of(), List.of(), List.of()));
        demo(new ReviewerProfile(new Reviewer(0, "reviewer2", "Dr. Sam Second",
                List.of(new License("Texas", "K 7781", LicenseStatus.ACTIVE, expires),
                        new License("California", "G 88214", LicenseStatus.ACTIVE, expires)),
                List.of("Family Practice", "Psychiatry"), true, 9, 30, 10), List.of(), List.of(),
                List.of(new Affiliation("Pacific Coast Insurance Services", AffiliationKind.CLAIMS_ADMINISTRATOR))));
    }

    private void demo(ReviewerProfile profile) {
        LocalDate today = time.today();
        var existing = reviewers.findByUsername(profile.reviewer().username());
        if (existing.isEmpty()) {
            reviewers.add(profile);
        } else if (existing.get().licenses().stream().noneMatch(license -> license.validOn(today))) {
            reviewers.replace(existing.get().id(), profile);
        }
    }
}
