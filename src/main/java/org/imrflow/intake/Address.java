package org.imrflow.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A party's mailing address, as the letters print it. */
public record Address(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "Use the two-letter state code, such as CA.") String state,
        @NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "Use a ZIP code such as 95814 or 95814-1234.") String zip) {

    /** The address on two lines: the street, then city, state and ZIP code. */
    public List<String> lines() {
        return List.of(street.strip(), city.strip() + ", " + state + " " + zip);
    }
}
