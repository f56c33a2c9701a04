package org.imrflow.correspondence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.imrflow.InputPolicy;
import org.imrflow.deadlines.Delivery;


/**
 * Renders letters as plain text and PDF from the templates in {@code templates/letters/}. Both forms
 * come from the same variables so that they cannot say different things; the SHA-256 is taken over
 * the PDF because the PDF is the document that is mailed and kept.
 */
public class LetterRenderer {

    static final String DETERMINATION_TITLE = "Final Determination Letter";
    static final String INELIGIBILITY_TITLE = "Notice of Ineligibility";
    static final String NOTICE_OF_ASSIGNMENT_TITLE = "Notice of Assignment and Request for Information";
    static final String EXPEDITED_REVIEW_TITLE = "Notice of Expedited Review";
    static final String TERMINATION_TITLE = "Notice of Termination";
    static final String INFORMATION_REQUEST_TITLE = "Request for Information";

    private static final String OVERTURNED = "Overturned";

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
    private final Letterhead letterhead;
    private final String templateVersion;

    /**
     * A renderer of the letters this organization sends: its letterhead on every letter, and the template version
     * new notices are worded by (a Final Determination Letter's facts name their own).
     */
    public LetterRenderer(Letterhead letterhead, String templateVersion) {
        LetterTemplateVersions.require(templateVersion);
        this.templates = new LetterTemplates();
        this.pdfWriter = new PdfWriter();
        this.letterhead = Objects.requireNonNull(letterhead, "letterhead");
        this.templateVersion = templateVersion;
    }

    /** The version new letters are worded by. */
    public String templateVersion() {
        return templateVersion;
    }

    /**
     * The public Final Determination Letter of the content's template version, as the archive and the public read
     * it. Its plain text is read off the same XHTML the PDF is made from, so the two carry the same words.
     */
    public RenderedLetter renderDetermination(DeterminationLetterContent c) {
        return render(DETERMINATION_TITLE, "final-determination", determinationModel(c), c.templateVersion());
    }

    /** The plain text of {@link #renderDetermination}, without the cost of the PDF. */
    String determinationText(DeterminationLetterContent c) {
        return LetterPlainText.of(templates.render("final-determination.html", determinationModel(c)));
    }

    /** The Final Determination Letter as mailed to the recipients: the public letter within its cover and service list. */
    public RenderedLetter renderMailedDetermination(MailedDetermination m, List<Recipient> recipients) {
        return render(DETERMINATION_TITLE, "final-determination-mailed", mailedDeterminationModel(m, recipients),
                m.letter().templateVersion());
    }

    /**
     * {@link #renderMailedDetermination} marked as a draft on every page (a watermark and a line in the top margin),
     * which leave the letter's own lines where they are: the draft reads as the letter would, word for word and page
     * for page. The plain text carries the marks too, so no copy of it passes for the issued letter.
     */
    public RenderedLetter renderMailedDeterminationDraft(MailedDetermination m, List<Recipient> recipients) {
        Map<String, Object> model = mailedDeterminationModel(m, recipients);
        model.put("draft", true);
        return render(DETERMINATION_TITLE + " (draft)", "final-determination-mailed", model,
                m.letter().templateVersion());
    }

    private Map<String, Object> mailedDeterminationModel(MailedDetermination m, List<Recipient> recipients) {
        Map<String, Object> model = determinationModel(m.letter());
        model.putAll(sender(m.letterDate(), recipients));
        model.put("letterDate", LetterText.date(m.letterDate()));
        model.put("employeeName", LetterText.oneLine(m.employeeName()));
        model.put("claimNumber", LetterText.oneLine(m.claimNumber()));
        model.put("employerName", LetterText.oneLine(m.employerName()));
        model.put("claimsAdministratorName", LetterText.oneLine(m.claimsAdministratorName()));
        model.put("requestingPhysicianName", LetterText.oneLine(m.requestingPhysicianName()));
        model.put("findings", m.letter().items().stream()
                .map(item -> finding(m.letter().organizationName(), item)).toList());
        model.put("anyOverturned", m.letter().items().stream().anyMatch(i -> OVERTURNED.equals(i.decision())));
        model.put("documentsReviewed", m.documentsReviewed().stream().map(LetterText::oneLine).toList());
        model.put("draft", false);
        return model;
    }

    public RenderedLetter renderIneligibilityNotice(IneligibilityNoticeContent c, List<Recipient> recipients) {
        Map<String, Object> model = noticeModel(c);
        model.putAll(sender(c.noticeDate(), recipients));
        return render(INELIGIBILITY_TITLE, "ineligibility-notice", model, templateVersion);
    }

    public RenderedLetter renderNoticeOfAssignment(NoticeOfAssignmentContent c, List<Recipient> recipients) {
        Map<String, Object> model = noticeOfAssignmentModel(c);
        model.putAll(sender(c.noticeDate(), recipients));
        return render(NOTICE_OF_ASSIGNMENT_TITLE, "notice-of-assignment", model, templateVersion);
    }

    public RenderedLetter renderExpeditedReviewNotice(ExpeditedReviewNoticeContent c, List<Recipient> recipients) {
        Map<String, Object> model = expeditedReviewNoticeModel(c);
        model.putAll(sender(c.noticeDate(), recipients));
        return render(EXPEDITED_REVIEW_TITLE, "expedited-review-notice", model, templateVersion);
    }

    public RenderedLetter renderInformationRequest(InformationRequestContent c, List<Recipient> recipients) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", INFORMATION_REQUEST_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("applicationReceived", LetterText.date(c.applicationReceived()));
        model.put("urDecisionDate", LetterText.date(c.urDecisionDate()));
        model.put("requested", c.requested().stream().map(LetterText::oneLine).toList());
        model.putAll(sender(c.noticeDate(), recipients));
        return render(INFORMATION_REQUEST_TITLE, "information-request", model, templateVersion);
    }

    public RenderedLetter renderTerminationNotice(TerminationNoticeContent c, List<Recipient> recipients) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", TERMINATION_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("claimsAdministratorName", LetterText.oneLine(c.claimsAdministratorName()));
        model.put("treatmentAuthorizedOn", LetterText.date(c.treatmentAuthorizedOn()));
        model.put("disputedItems", c.disputedItems().stream().map(LetterText::oneLine).toList());
        model.put("reason", c.reason() == null ? null : LetterText.oneLine(c.reason()));
        model.putAll(sender(c.noticeDate(), recipients));
        return render(TERMINATION_TITLE, "termination-notice", model, templateVersion);
    }

    /**
     * One numbered finding of the mailed letter, in the words of the 2013 cover: "1) MAXIMUS Federal Services, Inc.
     * has determined the request for ... is [not] medically necessary and appropriate."
     */
    static String finding(String organizationName, ItemDetermination item) {
        String request = item.partial() == null
                ? "the request for " + LetterText.oneLine(item.request())
                : "the remaining IMR eligible portion of the request for " + LetterText.oneLine(item.request()) + ", "
                        + LetterText.oneLine(item.partial().remainder()) + ",";
        boolean necessary = OVERTURNED.equals(item.decision());
        return LetterText.oneLine(organizationName) + " has determined " + request + " is "
                + (necessary ? "" : "not ") + "medically necessary and appropriate. The Utilization Review decision is "
                + (necessary ? "overturned." : "upheld.");
    }

    /** What every letter says of its sender and its recipients: letterhead, signature, service list. */
    private Map<String, Object> sender(LocalDate sentOn, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("recipients must name at least one: a letter is sent to someone");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("letterheadName", LetterText.oneLine(letterhead.organizationName()));
        model.put("organizationAddressLines", LetterText.paragraphs(letterhead.address()));
        model.put("signatureLines", letterhead.signature().stream().map(LetterText::oneLine).toList());
        model.put("sentOn", LetterText.date(sentOn));
        model.put("recipients", recipients.stream().map(RecipientView::of).toList());
        return model;
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
        List<Map<String, Object>> panel = new ArrayList<>();
        for (int i = 0; i < c.panel().size(); i++) {
            panel.add(Map.of("reviewer", i + 1, "licenseStates", LetterText.joined(c.panel().get(i).licenseStates()),
                    "specialties", LetterText.joined(c.panel().get(i).specialties())));
        }
        model.put("panel", panel);
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
        model.put("reasons", c.reasons().stream().map(LetterText::oneLine).toList());
        return model;
    }

    /** The template variables of a Notice of Assignment and Request for Information. */
    static Map<String, Object> noticeOfAssignmentModel(NoticeOfAssignmentContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", NOTICE_OF_ASSIGNMENT_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
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
        return model;
    }

    /** The template variables of a Notice of Expedited Review; {@code recordsDue} stays null when nothing is asked. */
    static Map<String, Object> expeditedReviewNoticeModel(ExpeditedReviewNoticeContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", EXPEDITED_REVIEW_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("noticeDate", LetterText.date(c.noticeDate()));
        model.put("employeeName", LetterText.oneLine(c.employeeName()));
        model.put("certifyingPhysician", LetterText.oneLine(c.certifyingPhysician()));
        model.put("certifiedOn", LetterText.date(c.certifiedOn()));
        model.put("determinationDue", LetterText.oneLine(c.determinationDue()));
        model.put("recordsDue", c.recordsDue() == null ? null : LetterText.oneLine(c.recordsDue()));
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

    /**
     * The letter's PDF and, read off the same XHTML, its plain text. A character XML cannot hold (a control
     * character stored before the input policy, or read from an imported letter) prints as U+FFFD rather than
     * failing the letter on every retry.
     */
    private RenderedLetter render(String title, String template, Map<String, Object> model, String version) {
        String xhtml = InputPolicy.xmlSafe(templates.render(template + ".html", model));
        byte[] pdf = pdfWriter.write(xhtml);
        return new RenderedLetter(title, LetterPlainText.of(xhtml), pdf, sha256(pdf), version);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256, so this is a broken runtime, not a user error
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    /** A recipient as the service list prints it: "Employee: Maria Lopez (by mail)", then the address lines. */
    record RecipientView(String line, String name, List<String> address, String method) {

        static RecipientView of(Recipient recipient) {
            return new RecipientView(LetterText.oneLine(recipient.line()), LetterText.oneLine(recipient.name()),
                    recipient.address().stream().map(LetterText::oneLine).toList(),
                    recipient.method() == Delivery.MAIL ? "by mail" : "electronically");
        }
    }

    /** One item block as the template prints it: every fact on one line, the rationale in its paragraphs. */
    record ItemView(String request, PartialView partial, String decision, BasisView claimsAdministrator,
            BasisView organization, List<String> rationaleParagraphs, List<AnalysisView> analyses) {

        static ItemView of(ItemDetermination item) {
            return new ItemView(LetterText.oneLine(item.request()), PartialView.of(item.partial()), item.decision(),
                    BasisView.of(item.claimsAdministrator()), BasisView.of(item.organization()),
                    LetterText.paragraphs(item.decisionRationale()),
                    item.analyses().stream().map(AnalysisView::of).toList());
        }
    }

    /** A panel reviewer's analysis of an item, where the reviewers differ. */
    record AnalysisView(int reviewer, String decision, BasisView organization, List<String> rationaleParagraphs) {

        static AnalysisView of(ItemDetermination.ReviewerAnalysis analysis) {
            return new AnalysisView(analysis.reviewer(), analysis.decision(), BasisView.of(analysis.organization()),
                    LetterText.paragraphs(analysis.decisionRationale()));
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
