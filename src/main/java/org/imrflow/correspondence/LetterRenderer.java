package org.imrflow.correspondence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders letters as plain text and PDF from the templates in {@code templates/letters/}. Both forms
 * come from the same variables so that they cannot say different things; the SHA-256 is taken over
 * the PDF because the PDF is the document that is mailed and kept.
 */
@Component
public class LetterRenderer {

    static final String DETERMINATION_TITLE = "Final Determination Letter";
    static final String INELIGIBILITY_TITLE = "Notice of Ineligibility";
    static final String NOTICE_OF_ASSIGNMENT_TITLE = "Notice of Assignment and Request for Information";
    static final String EXPEDITED_REVIEW_TITLE = "Notice of Expedited Review";

    /**
     * The records the claims administrator must send, 8 CCR 9792.10.5(a)(1)(A) to (D), in plain words. They
     * are part of the model rather than written out in both templates so that the text and the PDF cannot
     * drift apart on what the law asks for.
     */
    static final List<String> RECORD_SET = List.of(
            "Reports from the treating physician that are relevant to the employee's current condition and were "
                    + "written in the 6 months before the request for authorization, including any report named in "
                    + "the request for authorization or in the Utilization Review decision. If the requesting "
                    + "physician has treated the employee for less than 6 months, also send the reports of any prior "
                    + "or referring physicians from those 6 months.",
            "The Application for Independent Medical Review (DWC Form IMR) that was sent with the Utilization "
                    + "Review decision. Do not send the Utilization Review decision itself or the instructions for "
                    + "the form.",
            "All letters and other correspondence given to the employee about the Utilization Review decision, "
                    + "except the written Utilization Review decision itself.",
            "Any documents the employee or a medical provider sent the claims administrator in support of the "
                    + "request for treatment.");

    private final LetterTemplates templates;
    private final PdfWriter pdfWriter;

    public LetterRenderer() {
        this.templates = new LetterTemplates();
        this.pdfWriter = new PdfWriter();
    }

    /**
     * The public Final Determination Letter of the content's template version. Its plain text is read off the
     * same XHTML the PDF is made from, so the two carry the same words.
     */
    public RenderedLetter renderDetermination(DeterminationLetterContent c) {
        String xhtml = determinationXhtml(c);
        byte[] pdf = pdfWriter.write(xhtml);
        return new RenderedLetter(DETERMINATION_TITLE, LetterPlainText.of(xhtml), pdf, sha256(pdf));
    }

    /** The plain text of {@link #renderDetermination}, without the cost of the PDF. */
    String determinationText(DeterminationLetterContent c) {
        return LetterPlainText.of(determinationXhtml(c));
    }

    private String determinationXhtml(DeterminationLetterContent c) {
        return templates.render("final-determination.html", determinationModel(c));
    }

    public RenderedLetter renderIneligibilityNotice(IneligibilityNoticeContent c) {
        return render(INELIGIBILITY_TITLE, "ineligibility-notice", noticeModel(c));
    }

    public RenderedLetter renderNoticeOfAssignment(NoticeOfAssignmentContent c) {
        return render(NOTICE_OF_ASSIGNMENT_TITLE, "notice-of-assignment", noticeOfAssignmentModel(c));
    }

    public RenderedLetter renderExpeditedReviewNotice(ExpeditedReviewNoticeContent c) {
        return render(EXPEDITED_REVIEW_TITLE, "expedited-review-notice", expeditedReviewNoticeModel(c));
    }

    /** The template variables of a Final Determination Letter: every value already formatted for print. */
    static Map<String, Object> determinationModel(DeterminationLetterContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", DETERMINATION_TITLE);
        model.put("version", LetterTemplateVersions.of(c.templateVersion()));
        model.put("caseNumber", c.caseNumber() == null ? null : LetterText.oneLine(c.caseNumber()));
        model.put("dateAssigned", optionalDate(c.dateAssigned()));
        model.put("dateOfInjury", optionalDate(c.dateOfInjury()));
        model.put("decisionDate", optionalDate(c.decisionDate()));
        model.put("urDenialDate", optionalDate(c.urDenialDate()));
        model.put("priority", c.priority());
        model.put("applicationReceived", optionalDate(c.applicationReceived()));
        model.put("organizationName", LetterText.oneLine(c.organizationName()));
        model.put("organizationShortName", LetterText.oneLine(c.organizationShortName()));
        model.put("licenseStates", LetterText.joined(c.credentials().licenseStates()));
        model.put("specialties", LetterText.joined(c.credentials().specialties()));
        model.put("summaryParagraphs", LetterText.paragraphs(c.clinicalCaseSummary()));
        model.put("items", c.items().stream().map(ItemView::of).toList());
        return model;
    }

    private static String optionalDate(LocalDate date) {
        return date == null ? null : LetterText.date(date);
    }

    /** The template variables of a notice of ineligibility. */
    static Map<String, Object> noticeModel(IneligibilityNoticeContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", INELIGIBILITY_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("applicationReceived", LetterText.date(c.applicationReceived()));
        model.put("urDecisionDate", LetterText.date(c.urDecisionDate()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("organizationName", LetterText.oneLine(c.organizationName()));
        model.put("reasons", c.reasons().stream().map(LetterText::oneLine).toList());
        return model;
    }

    /** The template variables of a Notice of Assignment and Request for Information. */
    static Map<String, Object> noticeOfAssignmentModel(NoticeOfAssignmentContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", NOTICE_OF_ASSIGNMENT_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("organizationName", LetterText.oneLine(c.organizationName()));
        // an address is written on several lines; the letterhead keeps them
        model.put("organizationAddressLines", LetterText.paragraphs(c.organizationAddress()));
        model.put("reviewPhrase", reviewPhrase(c.reviewType()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("claimNumber", LetterText.oneLine(c.claimNumber()));
        model.put("dateOfInjury", LetterText.date(c.dateOfInjury()));
        model.put("employerName", LetterText.oneLine(c.employerName()));
        model.put("claimsAdministratorName", LetterText.oneLine(c.claimsAdministratorName()));
        model.put("requestingPhysicianName", LetterText.oneLine(c.requestingPhysicianName()));
        model.put("applicationReceived", LetterText.date(c.applicationReceived()));
        model.put("urDecisionDate", LetterText.date(c.urDecisionDate()));
        model.put("disputedItems", c.disputedItems().stream().map(LetterText::oneLine).toList());
        model.put("recordSet", RECORD_SET);
        model.put("recordsDue", LetterText.oneLine(c.recordsDue()));
        model.put("sentBy", NoticeOfAssignmentContent.ELECTRONIC.equals(c.delivery()) ? "electronically" : "by mail");
        model.put("recipients", c.recipients().stream().map(LetterText::oneLine).toList());
        return model;
    }

    /** The template variables of a Notice of Expedited Review; {@code recordsDue} stays null when nothing is asked. */
    static Map<String, Object> expeditedReviewNoticeModel(ExpeditedReviewNoticeContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", EXPEDITED_REVIEW_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("organizationName", LetterText.oneLine(c.organizationName()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("certifyingPhysician", LetterText.oneLine(c.certifyingPhysician()));
        model.put("certifiedOn", LetterText.date(c.certifiedOn()));
        model.put("determinationDue", LetterText.oneLine(c.determinationDue()));
        model.put("recordsDue", c.recordsDue() == null ? null : LetterText.oneLine(c.recordsDue()));
        model.put("recipients", c.recipients().stream().map(LetterText::oneLine).toList());
        return model;
    }

    /** The review type as the body sentence reads it, article included ("an expedited review"). */
    private static String reviewPhrase(String reviewType) {
        return switch (reviewType) {
            case NoticeOfAssignmentContent.STANDARD -> "a standard review";
            case NoticeOfAssignmentContent.EXPEDITED -> "an expedited review";
            case NoticeOfAssignmentContent.FORMULARY -> "a formulary review";
            // the content record admits no other type; reaching here means the two were changed apart
            default -> throw new IllegalStateException("unknown review type \"" + reviewType + "\"");
        };
    }

    private RenderedLetter render(String title, String template, Map<String, Object> model) {
        // the text templates close every block with a blank line; the letter ends with a single line break
        String text = templates.render(template + ".txt", model).stripTrailing() + "\n";
        byte[] pdf = pdfWriter.write(templates.render(template + ".html", model));
        return new RenderedLetter(title, text, pdf, sha256(pdf));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256, so this is a broken runtime, not a user error
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    /** One item block as the template prints it: every fact on one line, the rationale in its paragraphs. */
    record ItemView(String request, PartialView partial, String decision, BasisView claimsAdministrator,
            BasisView organization, List<String> rationaleParagraphs) {

        static ItemView of(ItemDetermination item) {
            return new ItemView(LetterText.oneLine(item.request()), PartialView.of(item.partial()), item.decision(),
                    BasisView.of(item.claimsAdministrator()), BasisView.of(item.organization()),
                    LetterText.paragraphs(item.decisionRationale()));
        }
    }

    record PartialView(String authorized, String remainder, boolean wholeRequestRemains) {

        static PartialView of(PartialApproval partial) {
            return partial == null ? null : new PartialView(LetterText.oneLine(partial.authorized()),
                    LetterText.oneLine(partial.remainder()), partial.wholeRequestRemains());
        }
    }

    /** A guideline basis for the template: the kind by name, each citation on one line. */
    record BasisView(String kind, String mtusCitation, String nonMtusCitation, String verbatim) {

        static BasisView of(GuidelineBasis basis) {
            return new BasisView(basis.kind().name(), oneLineOrNull(basis.mtusCitation()),
                    oneLineOrNull(basis.nonMtusCitation()), oneLineOrNull(basis.verbatim()));
        }

        private static String oneLineOrNull(String text) {
            return text == null ? null : LetterText.oneLine(text);
        }
    }
}
