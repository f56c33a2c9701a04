package org.imrflow.correspondence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    private final LetterTemplates templates;
    private final PdfWriter pdfWriter;

    public LetterRenderer() {
        this.templates = new LetterTemplates();
        this.pdfWriter = new PdfWriter();
    }

    public RenderedLetter renderDetermination(DeterminationLetterContent c) {
        return render(DETERMINATION_TITLE, "final-determination", determinationModel(c));
    }

    public RenderedLetter renderIneligibilityNotice(IneligibilityNoticeContent c) {
        return render(INELIGIBILITY_TITLE, "ineligibility-notice", noticeModel(c));
    }

    /** The template variables of a Final Determination Letter: every value already formatted for print. */
    static Map<String, Object> determinationModel(DeterminationLetterContent c) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", DETERMINATION_TITLE);
        model.put("caseNumber", LetterText.oneLine(c.caseNumber()));
        model.put("dateAssigned", LetterText.date(c.dateAssigned()));
        model.put("urDenialDate", LetterText.date(c.urDenialDate()));
        model.put("determinationDate", LetterText.date(c.determinationDate()));
        model.put("organizationName", LetterText.oneLine(c.organizationName()));
        model.put("organizationShortName", LetterText.oneLine(c.organizationShortName()));
        model.put("licenseStates", LetterText.joined(c.credentials().licenseStates()));
        model.put("specialties", LetterText.joined(c.credentials().specialties()));
        model.put("summaryParagraphs", LetterText.paragraphs(c.clinicalCaseSummary()));
        model.put("items", c.items().stream().map(ItemView::of).toList());
        return model;
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

    /** One item block as the templates print it; the item line joins description and decision as the seeds do. */
    record ItemView(String line, String claimsAdministratorGuideline, String organizationGuideline,
            List<String> rationaleParagraphs) {

        static ItemView of(ItemDetermination item) {
            return new ItemView(LetterText.oneLine(item.description()) + ":  " + item.decision(),
                    LetterText.oneLine(item.claimsAdministratorGuideline()),
                    LetterText.oneLine(item.organizationGuideline()),
                    LetterText.paragraphs(item.decisionRationale()));
        }
    }
}
