package org.imrflow.correspondence;

import java.util.List;
import org.imrflow.deadlines.Delivery;

/** The organization and the recipients the letter tests print. */
final class TestLetters {

    static final Letterhead LETTERHEAD = new Letterhead("Golden State Medical Review", "GSMR",
            "P.O. Box 138009\nSacramento, CA 95813-8009", List.of("Medical Director", "Golden State Medical Review"));

    static final List<Recipient> RECIPIENTS = List.of(
            new Recipient("Employee", "Maria Lopez", List.of("12 Orchard Lane", "Fresno, CA 93701"), Delivery.MAIL),
            new Recipient("Requesting physician", "Ana Ruiz, M.D.", List.of("400 Clinic Way", "Fresno, CA 93702"),
                    Delivery.MAIL),
            new Recipient("Claims administrator", "Sierra Claims Services", List.of(), Delivery.ELECTRONIC),
            new Recipient("Employer", "Central Valley Packing Co.", List.of(), Delivery.MAIL));

    static final String SIGNATURE = """
            Sincerely,
            Medical Director
            Golden State Medical Review
            """;

    private TestLetters() {
    }

    /** The service list of a letter to {@link #RECIPIENTS} sent on the date (MM/dd/yyyy). */
    static String serviceList(String sentOn) {
        return """
                SERVICE LIST

                This letter was sent on %s to:

                Employee: Maria Lopez (by mail)
                12 Orchard Lane
                Fresno, CA 93701

                Requesting physician: Ana Ruiz, M.D. (by mail)
                400 Clinic Way
                Fresno, CA 93702

                Claims administrator: Sierra Claims Services (electronically)

                Employer: Central Valley Packing Co. (by mail)
                """.formatted(sentOn);
    }

    static LetterRenderer renderer() {
        return new LetterRenderer(LETTERHEAD, LetterTemplateVersions.current());
    }
}
