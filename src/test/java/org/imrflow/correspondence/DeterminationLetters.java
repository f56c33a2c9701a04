package org.imrflow.correspondence;

import java.time.LocalDate;
import java.util.List;

/** Final Determination Letters for the tests, built from the facts of seed 001 (two items, one upheld, one overturned). */
final class DeterminationLetters {

    static final String NO_EVIDENCE = "The Claims Administrator did not cite any medical evidence for its decision.";

    static final String CLINICAL_SUMMARY = """
            This 51-year-old male detailer injured his low back on 5/27/11. Treatment to date: 12 sessions of \
            physical therapy approved on 7/30/13; 8 sessions of PT in 2012; 13 sessions of PT in 2011; MRI \
            lumbar spine; and Medications. EMG of the left lower extremity just approved. On 9/12/13 the \
            worker noted that PT was helpful "but not enough to significantly cure and relieve the effects of \
            his injury before it was stopped by the carrier." Diagnosis: chronic pain (AME on2/27/13: \
            chronic lumbar spine pain and inguinal hernia). REQUEST: 1) chronic pain Psychology \
            evaluation and six sessions of treatment; 2) chronic pain Physical Therapy evaluation and 6 visits \
            of treatment.""";

    static final ItemDetermination PSYCHOLOGY = new ItemDetermination(
            "Chronic pain psychology evaluation and six sessions of treatment", null, ItemDetermination.UPHELD,
            GuidelineBasis.noEvidence(), GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Page(s): 23."),
            "The guidelines allow an initial trial of 3-4 psychotherapy visits and more only with objective "
                    + "functional improvement. There is no record of such a trial, so six sessions are not "
                    + "medically necessary per MTUS.");

    static final ItemDetermination PHYSICAL_THERAPY = new ItemDetermination(
            "Chronic pain physical therapy evaluation and six visits of treatment", null, ItemDetermination.OVERTURNED,
            GuidelineBasis.noEvidence(),
            GuidelineBasis.mtus("Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99."),
            "The CA-MTUS recommends physical therapy, and the worker documented on 9/12/13 that it helped. "
                    + "The Physical Medicine Guidelines frequently recommend far more than six sessions of PT, "
                    + "so the request is medically necessary.");

    private DeterminationLetters() {
    }

    /** Seed 001's facts in the current version, with the header it would carry. */
    static DeterminationLetterContent seed001() {
        return seed001(LetterTemplateVersions.current(), "MAXIMUS Federal Services", "MAXIMUS");
    }

    static DeterminationLetterContent seed001(String version, String organizationName, String shortName) {
        return new DeterminationLetterContent(version, "CM13-0021037", LocalDate.of(2013, 9, 3),
                LocalDate.of(2011, 5, 27), LocalDate.of(2013, 10, 1), LocalDate.of(2013, 8, 21),
                DeterminationLetterContent.STANDARD, LocalDate.of(2013, 8, 28), organizationName, shortName,
                new ReviewerCredentials(List.of("California"), List.of("Psychiatry")), CLINICAL_SUMMARY,
                List.of(PSYCHOLOGY, PHYSICAL_THERAPY));
    }

    /** A letter of the given version with one item whose guideline lines are the given bases. */
    static DeterminationLetterContent withBases(String version, GuidelineBasis claimsAdministrator,
            GuidelineBasis organization) {
        return withItems(version, List.of(new ItemDetermination("MRI of the lumbar spine", null,
                ItemDetermination.UPHELD, claimsAdministrator, organization, "The request is not medically necessary.")));
    }

    static DeterminationLetterContent withItems(String version, List<ItemDetermination> items) {
        DeterminationLetterContent seed = seed001(version, "MAXIMUS Federal Services", "MAXIMUS");
        return new DeterminationLetterContent(seed.templateVersion(), seed.caseNumber(), seed.dateAssigned(),
                seed.dateOfInjury(), seed.decisionDate(), seed.urDenialDate(), seed.priority(),
                seed.applicationReceived(), seed.organizationName(), seed.organizationShortName(),
                seed.credentials(), seed.clinicalCaseSummary(), items);
    }
}
