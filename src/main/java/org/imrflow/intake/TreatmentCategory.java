package org.imrflow.intake;

/** The treatment categories DWC reports use; reviewer specialties are matched against them. */
public enum TreatmentCategory {
    PHARMACEUTICALS("Pharmaceuticals"),
    PHYSICAL_MEDICINE("Physical medicine (PT, OT, chiropractic, acupuncture)"),
    BEHAVIORAL_HEALTH("Behavioral and mental health"),
    PAIN_PROGRAMS("Chronic pain and functional restoration programs"),
    DIAGNOSTICS("Diagnostic testing and imaging"),
    DMEPOS("Durable medical equipment, prosthetics, orthotics and supplies"),
    INJECTIONS("Injections and interventional pain procedures"),
    SURGERY("Surgery"),
    HOME_HEALTH("Home health services"),
    EVALUATION_AND_MANAGEMENT("Evaluation and management");

    private final String label;

    TreatmentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
