package org.imrflow.support;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applications and reviews for tests, built from the facts of the seed letters in {@code shared/seeds}.
 */
public final class Applications {

    public static final String PSYCHOLOGY = "Chronic pain psychology evaluation and six sessions of treatment";
    public static final String PHYSICAL_THERAPY = "Chronic pain physical therapy evaluation and six visits of treatment";
    public static final String NO_EVIDENCE = "The Claims Administrator did not cite any medical evidence for its decision.";

    public static final String SEED_001_SUMMARY = """
            This 51-year-old male detailer injured his low back on 5/27/11. Treatment to date: 12 sessions of \
            physical therapy approved on 7/30/13; 8 sessions of PT in 2012; 13 sessions of PT in 2011; MRI lumbar \
            spine; and Medications. EMG of the left lower extremity just approved. On 9/12/13 the worker noted \
            that PT was helpful "but not enough to significantly cure and relieve the effects of his injury before \
            it was stopped by the carrier." Diagnosis: chronic pain (AME on 2/27/13: chronic lumbar spine pain and \
            inguinal hernia). REQUEST: 1) chronic pain Psychology evaluation and six sessions of treatment; \
            2) chronic pain Physical Therapy evaluation and 6 visits of treatment.""";

    private Applications() {
    }

    /** Today where the deadlines are counted: a date in the UTC evening is already tomorrow there. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Los_Angeles"));
    }

    /** Seed 001: two disputed items, the claims administrator cited no evidence for either. */
    public static Map<String, Object> seed001() {
        LocalDate today = today();
        Map<String, Object> application = new HashMap<>();
        application.put("reviewType", "STANDARD");
        application.put("receivedDate", today.minusDays(3).toString());
        application.put("employeeFirstName", "Dale");
        application.put("employeeLastName", "Detailer");
        application.put("claimNumber", "SC-2011-0527");
        application.put("dateOfInjury", "2011-05-27");
        application.put("employerName", "Shine Auto Detailing");
        application.put("claimsAdministratorName", "Golden Claims Administrators");
        application.put("requestingPhysicianName", "Dr. Pat Treating");
        application.put("requestingPhysicianSpecialty", "Physical Medicine & Rehabilitation");
        application.put("urDecisionDate", today.minusDays(10).toString());
        application.put("urServiceMethod", "MAIL");
        application.put("signed", true);
        application.put("urDecisionAttached", true);
        application.put("conditionalNonCertification", false);
        application.put("employeeAddress", address("1200 J Street", "Sacramento", "95814"));
        application.put("requestingPhysicianAddress", address("300 Capitol Mall, Suite 4", "Sacramento", "95814"));
        application.put("claimsAdministratorAddress", address("PO Box 8000", "Fresno", "93721"));
        application.put("employerAddress", address("55 Harbor Way", "Stockton", "95202"));
        application.put("representative", Map.of("name", "Lee Advocate, Esq.",
                "address", address("100 Main Street", "Sacramento", "95814")));
        application.put("disputedItems", List.of(
                item(PSYCHOLOGY, "BEHAVIORAL_HEALTH"),
                item(PHYSICAL_THERAPY, "PHYSICAL_MEDICINE")));
        return application;
    }

    /** The non-MTUS guideline the partial application's claims administrator cites. */
    public static final String ODG = "ODG Mental Illness & Stress, Cognitive therapy for depression";

    /**
     * Seed 001 with a partial approval (the psychology evaluation authorized, the sessions in dispute, on a non-MTUS
     * guideline) and an MTUS basis for the physical therapy: the letter's harder wording.
     */
    public static Map<String, Object> seed001PartlyApproved() {
        Map<String, Object> application = seed001();
        Map<String, Object> psychology = new HashMap<>(item(PSYCHOLOGY, "BEHAVIORAL_HEALTH"));
        psychology.put("authorized", "Chronic pain psychology evaluation");
        psychology.put("remainingPortion", "six sessions of treatment");
        psychology.put("claimsAdministratorBasis", "NON_MTUS");
        psychology.put("claimsAdministratorNonMtusCitation", ODG);
        Map<String, Object> physicalTherapy = new HashMap<>(item(PHYSICAL_THERAPY, "PHYSICAL_MEDICINE"));
        physicalTherapy.put("claimsAdministratorBasis", "MTUS");
        physicalTherapy.put("claimsAdministratorMtusCitation", "Chronic Pain Treatment Guidelines Page(s): 98");
        application.put("disputedItems", List.of(psychology, physicalTherapy));
        return application;
    }

    public static Map<String, String> address(String street, String city, String zip) {
        return Map.of("street", street, "city", city, "state", "CA", "zip", zip);
    }

    public static Map<String, Object> item(String description, String category) {
        return Map.of("description", description, "treatmentCategory", category,
                "claimsAdministratorBasis", "NO_EVIDENCE");
    }

    /** The seed 001 reviewer's decisions: psychology upheld on page 23, physical therapy overturned on 98-99. */
    public static Map<String, Object> seed001Review(long psychologyItemId, long physicalTherapyItemId) {
        return Map.of("clinicalCaseSummary", SEED_001_SUMMARY, "items", List.of(
                Map.of("itemId", psychologyItemId, "decision", "UPHELD", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23",
                        "decisionRationale", "The Chronic Pain Medical Treatment Guidelines 8 C.C.R. §§9792.20 - 9792.26, "
                                + "page 23 recommend an initial trial of 3-4 psychotherapy visits over 2 weeks. The records "
                                + "show no outcome of such a trial. Six psychotherapy sessions exceed that guideline and "
                                + "as such are not medically necessary per MTUS."),
                Map.of("itemId", physicalTherapyItemId, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                        "decisionRationale", "Physical Medicine Guidelines allow for fading of treatment frequency plus "
                                + "active self-directed home Physical Medicine: 9-10 visits over 8 weeks for myalgia. "
                                + "On 9/12/13 the worker noted that PT was helpful. Six visits are within the guideline "
                                + "and are medically necessary.")));
    }
}
