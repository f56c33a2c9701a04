package org.imrflow.casefile;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The case page's form converting a review to expedited on a physician's certification. */
class ExpediteForm {

    private String certifyingPhysician;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate certifiedOn;

    public String getCertifyingPhysician() {
        return certifyingPhysician;
    }

    public void setCertifyingPhysician(String certifyingPhysician) {
        this.certifyingPhysician = certifyingPhysician;
    }

    public LocalDate getCertifiedOn() {
        return certifiedOn;
    }

    public void setCertifiedOn(LocalDate certifiedOn) {
        this.certifiedOn = certifiedOn;
    }
}
