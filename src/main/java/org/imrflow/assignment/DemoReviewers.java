package org.imrflow.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.ImrProperties;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.security.Role;
import org.imrflow.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo panel, created in embedded mode only: 25 fictional reviewers whose credentials are those the DWC-posted
 * Final Determination Letters of 2016-17 print ("California, Maryland | Anesthesiology, Pain Management"), each with
 * a user of the role REVIEWER. "reviewer" (psychiatry and pain management) and "reviewer2" (family practice and
 * psychiatry, affiliated with an insurer to show a conflict) are the two whose specialties fit the demo cases of
 * chronic pain psychology and physical therapy; the others show the rest of the panel: one on leave, one whose
 * license expired, one under a sanction, one short of the practice standards, one inactive, some with affiliations.
 * Runs at every start and adds only what is missing; a demo reviewer whose licenses have all lapsed since is given
 * the demo's licenses again, unless the demo means them to be lapsed.
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class DemoReviewers {

    private static final Logger log = LoggerFactory.getLogger(DemoReviewers.class);
    /** The demo users' password, as security.DemoData sets it for the other demo logins. */

    private final ReviewerRegistry reviewers;
    private final UserAccounts users;
    private final ImrProperties properties;
    private final BusinessTime time;

    DemoReviewers(ReviewerRegistry reviewers, UserAccounts users, ImrProperties properties, BusinessTime time) {
        this.reviewers = reviewers;
        this.users = users;
        this.properties = properties;
        this.time = time;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void create() {
        if (!properties.demo().enabled()) {
            return;
        }
        List<ReviewerProfile> panel = panel(time.today());
        for (ReviewerProfile profile : panel) {
            demo(profile);
        }
        log.info("The demo reviewer panel has {} reviewers; the logins reviewer3 to reviewer{} (password \"{}\") "
                + "are reviewers too.", panel.size(), panel.size(), UserAccounts.DEMO_PASSWORD);
    }

    private void demo(ReviewerProfile profile) {
        Reviewer reviewer = profile.reviewer();
        if (!users.exists(reviewer.username())) {
            users.createDemo(reviewer.username(), reviewer.fullName(), List.of(Role.REVIEWER));
        }
        LocalDate today = time.today();
        var existing = reviewers.findByUsername(reviewer.username());
        if (existing.isEmpty()) {
            reviewers.add(profile);
        } else if (existing.get().licenses().stream().noneMatch(license -> license.validOn(today))
                && reviewer.licenses().stream().anyMatch(license -> license.validOn(today))) {
            reviewers.replace(existing.get().id(), profile);
        }
    }

    /** The panel as of a day: license expiry, leave and sanctions are set relative to it. */
    static List<ReviewerProfile> panel(LocalDate today) {
        List<ReviewerProfile> panel = new ArrayList<>();
        panel.add(new Demo("reviewer", "Dr. Riley Reviewer", today).license("California", "A 104233", 24)
                .specialties("Psychiatry", "Pain Management").practice(14, 32).capacity(12).build());
        panel.add(new Demo("reviewer2", "Dr. Sam Second", today).license("Texas", "K 7781", 24)
                .license("California", "G 88214", 24).specialties("Family Practice", "Psychiatry").practice(9, 30)
                .capacity(10).affiliation("Pacific Coast Insurance Services", AffiliationKind.CLAIMS_ADMINISTRATOR)
                .build());
        panel.add(new Demo("reviewer3", "Dr. Helen Okafor", today).license("California", "A 118734", 19)
                .specialties("Preventive Medicine", "Occupational Medicine").practice(22, 40).capacity(15)
                .affiliation("Sierra Occupational Health Medical Group", AffiliationKind.MEDICAL_GROUP).build());
        panel.add(new Demo("reviewer4", "Dr. Victor Lindqvist", today).license("California", "G 70215", 11)
                .specialties("Psychiatry").practice(17, 36).capacity(8).build());
        panel.add(new Demo("reviewer5", "Dr. Marisol Quintero", today).license("California", "A 96120", 7)
                .license("Texas", "N 4417", 20).specialties("Orthopedic Surgery", "Sports Medicine").practice(19, 45)
                .capacity(10).build());
        panel.add(new Demo("reviewer6", "Dr. Curtis Abernathy, D.C.", today).license("Missouri", "2004016733", 14)
                .specialties("Chiropractor").practice(12, 38).capacity(20).build());
        panel.add(new Demo("reviewer7", "Dr. Priya Raman", today).license("Florida", "ME 98417", 16)
                .specialties("Neurology", "Pain Management").practice(11, 32).capacity(12)
                .affiliation("Dana Whitfield, Esq.", AffiliationKind.FAMILY).build());
        panel.add(new Demo("reviewer8", "Dr. Gregory Fenwick", today).license("Texas", "M 6630", 22)
                .license("Illinois", "036.118204", 9)
                .specialties("Physical Medicine & Rehabilitation", "Pediatric Rehabilitation Medicine")
                .practice(16, 30).capacity(9).build());
        panel.add(new Demo("reviewer9", "Dr. Amira Haddad", today).license("California", "A 121560", 13)
                .license("Maryland", "D0078124", 25).specialties("Anesthesiology", "Pain Management")
                .practice(13, 34).capacity(14)
                .affiliation("Bayside Surgery Center", AffiliationKind.FACILITY).build());
        panel.add(new Demo("reviewer10", "Dr. Thomas Brandt", today).license("Texas", "P 2290", 18)
                .license("New York", "271834", 6)
                .specialties("Physical Medicine & Rehabilitation", "Sports Medicine").practice(10, 28).capacity(11)
                .affiliation("Lone Star Orthotics, Inc.", AffiliationKind.MANUFACTURER).build());
        panel.add(new Demo("reviewer11", "Dr. Keiko Tanabe", today).license("New York", "259016", 10)
                .license("California", "A 87731", 21).license("Georgia", "064412", 15)
                .specialties("Internal Medicine").practice(24, 30).capacity(16).build());
        panel.add(new Demo("reviewer12", "Dr. Nathaniel Coye", today).license("Oregon", "MD 31877", 12)
                .license("California", "C 55012", 17).license("Wyoming", "10388A", 23)
                .specialties("Neurological Surgery").practice(21, 50).capacity(6).build());
        panel.add(new Demo("reviewer13", "Dr. Rosa Delgado", today).license("California", "A 99304", 8)
                .specialties("Family Practice", "Preventive Medicine", "Occupational Medicine").practice(18, 40)
                .capacity(18)
                .affiliation("Central Valley Utilization Review, LLC", AffiliationKind.UTILIZATION_REVIEW_ORGANIZATION)
                .build());
        // short of the practice standards the letters attest: fewer than 6 years in practice
        panel.add(new Demo("reviewer14", "Dr. Jordan Ellery", today).license("California", "A 150276", 20)
                .specialties("Emergency Medicine").practice(4, 36).capacity(8).build());
        panel.add(new Demo("reviewer15", "Dr. Samuel Achebe", today).license("Texas", "L 3381", 16)
                .license("California", "G 81530", 9).license("New Mexico", "2011-0456", 27)
                .specialties("Orthopedic Surgery", "Sports Medicine").practice(15, 44).capacity(12).build());
        // the demo's lapsed license: never matched until an administrator records the renewal
        panel.add(new Demo("reviewer16", "Dr. Ingrid Sorensen", today).license("Texas", "J 9012", -2)
                .specialties("Surgery").practice(26, 30).capacity(7).build());
        panel.add(new Demo("reviewer17", "Dr. Wesley Harlan", today).license("North Carolina", "2009-01872", 17)
                .specialties("Family Practice").practice(14, 40).capacity(15).build());
        panel.add(new Demo("reviewer18", "Dr. Lucia Ferreira", today).license("California", "A 132207", 11)
                .specialties("Physical Medicine & Rehabilitation").practice(9, 32).capacity(12)
                .leave(today.minusDays(2), today.plusDays(12), "Vacation").build());
        panel.add(new Demo("reviewer19", "Dr. Martin Kowalczyk", today).license("Pennsylvania", "MD456789", 14)
                .specialties("Internal Medicine", "Hospice & Palliative Medicine").practice(29, 24).capacity(5)
                .build());
        panel.add(new Demo("reviewer20", "Dr. Evelyn Marsh", today).license("Illinois", "036.097733", 19)
                .license("California", "A 90455", 5).license("Michigan", "4301087712", 26)
                .specialties("Anesthesiology", "Pain Management").practice(20, 36).capacity(13)
                .affiliation("Redwood Claims Services", AffiliationKind.CLAIMS_ADMINISTRATOR).build());
        // under a sanction in force: not offered cases while it lasts
        panel.add(new Demo("reviewer21", "Dr. Raymond Stokes", today).license("Texas", "H 5507", 15)
                .specialties("Orthopedic Surgery").practice(23, 40).capacity(10)
                .sanction("Texas Medical Board agreed order: probation with chart monitoring", today.minusMonths(4))
                .build());
        panel.add(new Demo("reviewer22", "Dr. Naomi Feld, Ph.D.", today).license("California", "PSY 24871", 13)
                .specialties("Psychologist").practice(15, 30).capacity(14).build());
        panel.add(new Demo("reviewer23", "Lin Zhao, L.Ac.", today).license("California", "AC 11934", 10)
                .specialties("Acupuncturist").practice(12, 35).capacity(20).build());
        panel.add(new Demo("reviewer24", "Dr. Oliver Grant", today).license("California", "A 107781", 18)
                .license("Washington", "MD60291344", 12)
                .specialties("Physical Medicine & Rehabilitation", "Pain Management").practice(17, 38).capacity(12)
                .build());
        // retired from the panel
        panel.add(new Demo("reviewer25", "Dr. Beatrice Vance", today).license("New Jersey", "25MA07731", 9)
                .license("Alabama", "MD.18822", 9).license("California", "G 64108", 9)
                .specialties("Orthopedic Surgery").practice(31, 24).capacity(10).inactive().build());
        return panel;
    }

    /** A demo reviewer, written the way a letter lists the credentials. */
    private static final class Demo {
        private final String username;
        private final String name;
        private final LocalDate today;
        private final List<License> licenses = new ArrayList<>();
        private final List<String> specialties = new ArrayList<>();
        private final List<Affiliation> affiliations = new ArrayList<>();
        private final List<Sanction> sanctions = new ArrayList<>();
        private final List<Leave> leaves = new ArrayList<>();
        private int years;
        private int hours;
        private int capacity;
        private boolean active = true;

        Demo(String username, String name, LocalDate today) {
            this.username = username;
            this.name = name;
            this.today = today;
        }

        /** An active license expiring in so many months (a negative number: expired that long ago). */
        Demo license(String state, String number, int months) {
            licenses.add(new License(state, number, LicenseStatus.ACTIVE, today.plusMonths(months)));
            return this;
        }

        Demo specialties(String... names) {
            specialties.addAll(List.of(names));
            return this;
        }

        Demo practice(int yearsInPractice, int hoursPerWeek) {
            years = yearsInPractice;
            hours = hoursPerWeek;
            return this;
        }

        Demo capacity(int openCases) {
            capacity = openCases;
            return this;
        }

        Demo affiliation(String party, AffiliationKind kind) {
            affiliations.add(new Affiliation(party, kind));
            return this;
        }

        Demo sanction(String description, LocalDate imposedOn) {
            sanctions.add(new Sanction(description, imposedOn, null));
            return this;
        }

        Demo leave(LocalDate startsOn, LocalDate endsOn, String note) {
            leaves.add(new Leave(startsOn, endsOn, note));
            return this;
        }

        Demo inactive() {
            active = false;
            return this;
        }

        ReviewerProfile build() {
            return new ReviewerProfile(new Reviewer(0, username, name, licenses, specialties, active, years, hours,
                    capacity), sanctions, leaves, affiliations);
        }
    }
}
