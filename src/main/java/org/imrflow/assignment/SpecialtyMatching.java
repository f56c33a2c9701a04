package org.imrflow.assignment;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.imrflow.intake.TreatmentCategory;

/**
 * Which specialties evaluate or treat each category of disputed treatment: a reviewer must have expertise
 * "in the same or similar specialties that evaluate and/or treat the medical condition and disputed items".
 */
final class SpecialtyMatching {

    private static final Map<TreatmentCategory, List<String>> SPECIALTIES = new EnumMap<>(Map.of(
            TreatmentCategory.PHARMACEUTICALS, List.of("pain management", "family practice", "internal medicine",
                    "physical medicine & rehabilitation", "psychiatry", "neurology", "anesthesiology"),
            TreatmentCategory.PHYSICAL_MEDICINE, List.of("physical medicine & rehabilitation", "family practice",
                    "orthopaedic surgery", "chiropractic", "pain management", "sports medicine"),
            TreatmentCategory.BEHAVIORAL_HEALTH, List.of("psychiatry", "psychology"),
            TreatmentCategory.PAIN_PROGRAMS, List.of("physical medicine & rehabilitation", "pain management",
                    "family practice", "neurology", "anesthesiology", "psychology"),
            TreatmentCategory.DIAGNOSTICS, List.of("neurology", "orthopaedic surgery", "physical medicine & rehabilitation",
                    "family practice", "internal medicine", "radiology"),
            TreatmentCategory.DMEPOS, List.of("physical medicine & rehabilitation", "orthopaedic surgery",
                    "family practice"),
            TreatmentCategory.INJECTIONS, List.of("pain management", "anesthesiology",
                    "physical medicine & rehabilitation", "orthopaedic surgery"),
            TreatmentCategory.SURGERY, List.of("orthopaedic surgery", "neurosurgery", "general surgery"),
            TreatmentCategory.HOME_HEALTH, List.of("family practice", "internal medicine",
                    "physical medicine & rehabilitation"),
            TreatmentCategory.EVALUATION_AND_MANAGEMENT, List.of("family practice", "internal medicine",
                    "physical medicine & rehabilitation", "neurology", "psychiatry")));

    private SpecialtyMatching() {
    }

    static boolean fits(List<String> reviewerSpecialties, TreatmentCategory category) {
        List<String> wanted = SPECIALTIES.getOrDefault(category, List.of());
        return reviewerSpecialties.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(wanted::contains);
    }
}
