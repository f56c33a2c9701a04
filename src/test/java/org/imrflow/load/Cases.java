package org.imrflow.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.imrflow.support.Applications;

/**
 * The applications the coordinators enter and the reviews the reviewers submit: the facts of seed letter 001
 * (eligible: signed, UR decision attached, filed in time) with other workers' names and one or two disputed items
 * of one treatment category, drawn at random so that the cases reach different reviewers of the demo panel.
 */
public final class Cases {

    private static final String[] LAST_NAMES = {"Alvarez", "Baker", "Chen", "Delgado", "Evans", "Fischer", "Garcia",
            "Huang", "Ibarra", "Jensen", "Kaur", "Lopez", "Moreno", "Nguyen", "Ortiz", "Patel", "Quinn", "Reyes",
            "Sato", "Torres", "Uribe", "Vargas", "Wong", "Xu", "Yamamoto", "Zamora"};
    private static final String[] FIRST_NAMES = {"Ana", "Ben", "Carla", "Dev", "Elena", "Frank", "Grace", "Hector",
            "Iris", "Jose", "Kim", "Luis", "Maya", "Noel", "Olga", "Pedro"};

    /** Per treatment category, two treatments a utilization review may have denied. */
    private static final Map<String, List<String>> TREATMENTS = Map.of(
            "PHARMACEUTICALS", List.of("Tramadol ER 150 mg #60", "Gabapentin 600 mg #90"),
            "PHYSICAL_MEDICINE", List.of("Physical therapy, 12 visits for the lumbar spine",
                    "Chiropractic manipulation, 6 visits"),
            "BEHAVIORAL_HEALTH", List.of("Cognitive behavioral therapy, 6 sessions",
                    "Psychological evaluation for chronic pain"),
            "PAIN_PROGRAMS", List.of("Functional restoration program, 80 hours",
                    "Multidisciplinary pain program evaluation"),
            "DIAGNOSTICS", List.of("MRI of the lumbar spine without contrast",
                    "EMG and nerve conduction study of both lower extremities"),
            "DMEPOS", List.of("Lumbar support brace", "TENS unit, 30-day rental"),
            "INJECTIONS", List.of("Lumbar epidural steroid injection at L4-L5", "Right shoulder subacromial injection"),
            "SURGERY", List.of("Right knee arthroscopic partial meniscectomy", "Left carpal tunnel release"),
            "HOME_HEALTH", List.of("Home health aide, 4 hours a day for 6 weeks", "Home nursing visits, 2 a week"),
            "EVALUATION_AND_MANAGEMENT", List.of("Follow-up visit with the pain management physician",
                    "Consultation with an orthopedic surgeon"));
    private static final List<String> CATEGORIES = List.copyOf(new TreeSet<>(TREATMENTS.keySet()));

    private Cases() {
    }

    public static String lastName(RandomGenerator random) {
        return LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    }

    /** An eligible application (seed 001's facts) of another worker of this last name, with other disputed items. */
    public static Map<String, Object> application(RandomGenerator random, String lastName) {
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.put("employeeFirstName", FIRST_NAMES[random.nextInt(FIRST_NAMES.length)]);
        application.put("employeeLastName", lastName);
        application.put("claimNumber", "LT-" + (100000 + random.nextInt(900000)));
        application.put("dateOfInjury", Applications.today().minusYears(2).minusDays(random.nextInt(700)).toString());
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        List<String> treatments = TREATMENTS.get(category);
        List<Map<String, String>> items = new ArrayList<>();
        items.add(item(treatments.get(0), category));
        if (random.nextBoolean()) {
            items.add(item(treatments.get(1), category));
        }
        application.put("disputedItems", items);
        return application;
    }

    /** The reviewer's decision on every disputed item of the case file, each with an MTUS citation and a rationale. */
    public static Map<String, Object> review(JsonNode items, RandomGenerator random) {
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (JsonNode item : items) {
            boolean upheld = random.nextBoolean();
            decisions.add(Map.of("itemId", item.path("id").asLong(), "decision", upheld ? "UPHELD" : "OVERTURNED",
                    "guidelineBasis", "MTUS", "mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23",
                    "decisionRationale", upheld
                            ? "The records show no outcome of an initial trial, which the MTUS requires before more "
                            + "treatment; the request is not medically necessary per MTUS."
                            : "The records document functional improvement with the earlier treatment, and the "
                            + "request is within the MTUS guideline; it is medically necessary."));
        }
        return Map.of("clinicalCaseSummary", "This worker injured the low back at work two years ago. Treatment to "
                + "date: physical therapy, medications and an MRI. The treating physician requested the treatment in "
                + "dispute, which utilization review denied.", "items", decisions);
    }

    private static Map<String, String> item(String description, String category) {
        return Map.of("description", description, "treatmentCategory", category, "claimsAdministratorBasis", "NO_EVIDENCE");
    }
}
