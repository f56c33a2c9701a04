package org.imrflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.imrflow.correspondence.DeterminationLetterParser;
import org.imrflow.correspondence.ReviewerCredentials;
import org.imrflow.support.SharedLetters;
import org.junit.jupiter.api.Test;

/**
 * Every reviewer credential printed in the DWC-posted letters of 2016-17 is a state and specialty the panel knows,
 * under the very spelling the letter prints, so that registering it and printing it gives the letter's words.
 */
class LetterCredentialsTest {

    private final DeterminationLetterParser parser = new DeterminationLetterParser();

    @Test
    void everyStateAndSpecialtyOfTheLettersRegistersAsPrinted() {
        Set<String> states = new TreeSet<>();
        Set<String> specialties = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (Path letter : SharedLetters.letters2016()) {
            ReviewerCredentials credentials = parser.parse(SharedLetters.read(letter)).content().credentials();
            for (String state : credentials.licenseStates()) {
                states.add(state);
                if (!UsStates.canonical(state).equals(Optional.of(state))) {
                    unknown.add(letter.getFileName() + ": state \"" + state + "\" -> " + UsStates.canonical(state));
                }
            }
            for (String printed : credentials.specialties()) {
                String specialty = withoutStrayLetter(printed);
                specialties.add(specialty);
                if (!Specialties.canonical(specialty).equals(Optional.of(specialty))) {
                    unknown.add(letter.getFileName() + ": specialty \"" + specialty + "\" -> "
                            + Specialties.canonical(specialty));
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(states).contains("California", "Texas", "New York", "Missouri", "Florida");
        assertThat(specialties).contains("Preventive Medicine", "Occupational Medicine", "Chiropractor",
                "Emergency Medicine", "Orthopedic Surgery", "Sports Medicine", "Physical Medicine & Rehabilitation",
                "Pain Management");
    }

    @Test
    void aBoardsOwnSpellingAndAPostalCodeAreTakenAsTheLettersPrintThem() {
        assertThat(Specialties.canonical("Orthopaedic Surgery")).hasValue("Orthopedic Surgery");
        assertThat(Specialties.canonical("physical medicine and rehabilitation"))
                .hasValue("Physical Medicine & Rehabilitation");
        assertThat(Specialties.canonical("Astrology")).isEmpty();
        assertThat(UsStates.canonical("ca")).hasValue("California");
        assertThat(UsStates.canonical("new  york")).hasValue("New York");
        assertThat(UsStates.canonical("Calfornia")).isEmpty();
    }

    /** "Sports Medicine a": a letter of the PDF's next word, left by the text extraction (the parser warns of it). */
    private static String withoutStrayLetter(String specialty) {
        return specialty.matches(".* [a-z]") ? specialty.substring(0, specialty.length() - 2) : specialty;
    }
}
