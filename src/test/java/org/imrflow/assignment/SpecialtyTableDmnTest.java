package org.imrflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.imrflow.intake.TreatmentCategory;
import org.imrflow.support.DecisionEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specialty table {@code bpmn/reviewer-specialties.dmn}, evaluated on the embedded engine as matching evaluates
 * it: the specialties that fit each treatment category, spelled as the panel registers them.
 */
class SpecialtyTableDmnTest {

    private static DecisionEngine engine;
    private static SpecialtyTable table;

    @BeforeAll
    static void deploy() {
        engine = DecisionEngine.with("bpmn/reviewer-specialties.dmn");
        table = new SpecialtyTable(engine.client(), new ObjectMapper());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static Stream<Arguments> categories() {
        return Stream.of(
                Arguments.of(TreatmentCategory.PHARMACEUTICALS, Set.of(
                        "Pain Management", "Anesthesiology", "Physical Medicine & Rehabilitation", "Family Practice",
                        "Internal Medicine", "Occupational Medicine", "Emergency Medicine", "Neurology",
                        "Psychiatry", "Addiction Psychiatry", "Hospice & Palliative Medicine")),
                Arguments.of(TreatmentCategory.PHYSICAL_MEDICINE, Set.of(
                        "Pain Management", "Physical Medicine & Rehabilitation", "Family Practice",
                        "Occupational Medicine", "Neuromuscular Medicine", "Orthopedic Surgery",
                        "Orthopedic Sports Medicine", "Sports Medicine", "Pediatric Rehabilitation Medicine",
                        "Spinal Cord Injury Medicine", "Brain Injury Medicine", "Chiropractor", "Acupuncturist")),
                Arguments.of(TreatmentCategory.BEHAVIORAL_HEALTH, Set.of(
                        "Psychiatry", "Addiction Psychiatry", "Consultation-Liaison Psychiatry",
                        "Forensic Psychiatry", "Geriatric Psychiatry", "Child & Adolescent Psychiatry",
                        "Psychologist", "Brain Injury Medicine")),
                Arguments.of(TreatmentCategory.PAIN_PROGRAMS, Set.of(
                        "Pain Management", "Anesthesiology", "Physical Medicine & Rehabilitation", "Family Practice",
                        "Occupational Medicine", "Neurology", "Psychiatry", "Psychologist")),
                Arguments.of(TreatmentCategory.DIAGNOSTICS, Set.of(
                        "Physical Medicine & Rehabilitation", "Family Practice", "Internal Medicine",
                        "Occupational Medicine", "Emergency Medicine", "Neurology", "Neuromuscular Medicine",
                        "Clinical Neurophysiology", "Orthopedic Surgery", "Orthopedic Sports Medicine",
                        "Sports Medicine", "Neurological Surgery", "Radiology", "Neuroradiology",
                        "Interventional Radiology")),
                Arguments.of(TreatmentCategory.DMEPOS, Set.of(
                        "Physical Medicine & Rehabilitation", "Family Practice", "Internal Medicine",
                        "Occupational Medicine", "Orthopedic Surgery", "Orthopedic Sports Medicine",
                        "Sports Medicine", "Surgery of the Hand", "Pediatric Rehabilitation Medicine",
                        "Spinal Cord Injury Medicine", "Podiatrist")),
                Arguments.of(TreatmentCategory.INJECTIONS, Set.of(
                        "Pain Management", "Anesthesiology", "Physical Medicine & Rehabilitation",
                        "Orthopedic Surgery", "Orthopedic Sports Medicine", "Sports Medicine",
                        "Interventional Radiology")),
                Arguments.of(TreatmentCategory.SURGERY, Set.of(
                        "Orthopedic Surgery", "Orthopedic Sports Medicine", "Surgery of the Hand",
                        "Neurological Surgery", "Surgery", "Plastic Surgery", "Vascular Surgery", "Thoracic Surgery",
                        "Colon & Rectal Surgery", "Urology", "Otolaryngology", "Ophthalmology",
                        "Obstetrics & Gynecology", "Podiatrist")),
                Arguments.of(TreatmentCategory.HOME_HEALTH, Set.of(
                        "Physical Medicine & Rehabilitation", "Family Practice", "Internal Medicine",
                        "Occupational Medicine", "Geriatric Medicine", "Hospice & Palliative Medicine",
                        "Spinal Cord Injury Medicine")),
                Arguments.of(TreatmentCategory.EVALUATION_AND_MANAGEMENT, Set.of(
                        "Pain Management", "Physical Medicine & Rehabilitation", "Family Practice",
                        "Internal Medicine", "Occupational Medicine", "Preventive Medicine", "Emergency Medicine",
                        "Neurology", "Psychiatry", "Orthopedic Surgery", "Geriatric Medicine",
                        "Brain Injury Medicine")));
    }

    @ParameterizedTest
    @MethodSource("categories")
    void eachCategoryIsFittedByTheSpecialtiesThatEvaluateOrTreatIt(TreatmentCategory category, Set<String> expected) {
        assertThat(table.fitting(category)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyCategoryHasARow() {
        assertThat(categories().map(arguments -> arguments.get()[0]))
                .containsExactlyInAnyOrder((Object[]) TreatmentCategory.values());
    }

    @Test
    void everySpecialtyTheTableNamesCanBeRegistered() {
        Arrays.stream(TreatmentCategory.values()).flatMap(category -> table.fitting(category).stream())
                .forEach(specialty -> assertThat(Specialties.canonical(specialty)).as(specialty).hasValue(specialty));
    }

    @Test
    void aPsychiatristFitsBehavioralHealthButNotSurgery() {
        assertThat(table.fitting(TreatmentCategory.BEHAVIORAL_HEALTH)).contains("Psychiatry");
        assertThat(table.fitting(TreatmentCategory.SURGERY)).doesNotContain("Psychiatry");
    }
}
