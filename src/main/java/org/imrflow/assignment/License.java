package org.imrflow.assignment;

import java.time.LocalDate;

/** A license to practice in a state (by name, as letters print it: "California"). */
public record License(String state, String number, LicenseStatus status, LocalDate expiresOn) {

    /** Whether the license lets its holder review on this date: active and not expired. */
    public boolean validOn(LocalDate date) {
        return status == LicenseStatus.ACTIVE && expiresOn != null && !expiresOn.isBefore(date);
    }
}
