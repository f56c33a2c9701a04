package org.imrflow.intake;

/**
 * A National Provider Identifier (NPI): ten digits, the last a Luhn check digit computed over the prefix 80840 and
 * the first nine (45 CFR 162.406). The DWC's Request for Authorization gives the requesting physician's; a
 * reviewer's affiliated group or facility has one too. Spaces and dashes are ignored.
 */
public final class Npi {

    private Npi() {
    }

    /** The NPI as ten digits, or null if none is given. */
    public static String normalized(String npi) {
        if (npi == null || npi.isBlank()) {
            return null;
        }
        return npi.replaceAll("[\\s-]", "");
    }

    /** Whether the (normalized) value is a well-formed NPI with a correct check digit. */
    public static boolean valid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        String digits = "80840" + npi.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10 == npi.charAt(9) - '0';
    }
}
