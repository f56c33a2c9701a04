package org.imrflow.determination;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.InputPolicy;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditLog;
import org.imrflow.correspondence.DeterminationLetterContent;
import org.imrflow.correspondence.DeterminationLetterParser;
import org.imrflow.correspondence.GuidelineBasis;
import org.imrflow.correspondence.ItemDetermination;
import org.imrflow.correspondence.LetterTemplateVersions;
import org.imrflow.correspondence.Letters;
import org.imrflow.correspondence.ParsedLetter;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.deadlines.ReviewType;
import org.imrflow.engine.CaseRef;
import org.imrflow.intake.ApplicationForm;
import org.imrflow.intake.CaseFiles;
import org.imrflow.intake.DisputedItem;
import org.imrflow.intake.DocumentFile;
import org.imrflow.intake.ImportedCase;
import org.imrflow.intake.ImportedCases;
import org.imrflow.review.ClinicalReviews;
import org.imrflow.review.Decision;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the Final Determination Letter of a case decided elsewhere (administrators): reads its facts, and makes of
 * them a decided, closed case with its disputed items, decisions, determination and letter, in one transaction. The
 * letter is rendered again from the facts read, in the template version it reads as, so the case's letter is this
 * system's rendering of the same words; the letter as it came is kept as a case document. No process starts and no
 * clock runs. A letter that cannot be read stores nothing; a case number that exists already is a conflict, so the
 * same letter is imported once.
 */
@Service
public class DeterminationImport {

    /** The columns the items' free text goes into (V1, V6: disputed_item, item_decision). */
    private static final int MAX_ITEM_TEXT = 1000;
    private static final int MAX_CITATION = 4000;

    private final DeterminationLetterParser parser = new DeterminationLetterParser();
    private final ImportedCases cases;
    private final CaseFiles caseFiles;
    private final ClinicalReviews reviews;
    private final Letters letters;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    DeterminationImport(ImportedCases cases, CaseFiles caseFiles, ClinicalReviews reviews, Letters letters,
                        AuditLog audit, JdbcClient jdbc) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.reviews = reviews;
        this.letters = letters;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional
    public ImportedDetermination importLetter(LetterSubmission submission, Actor actor) {
        actor.require(Role.ADMIN);
        String field = submission.field();
        String expectedVersion = blankToNull(submission.templateVersion());
        String givenNumber = blankToNull(submission.caseNumber());
        Map<String, String> errors = new LinkedHashMap<>();
        if (expectedVersion != null && !LetterTemplateVersions.ids().contains(expectedVersion)) {
            errors.put("templateVersion", "No template version \"" + expectedVersion + "\": use one of "
                    + LetterTemplateVersions.ids() + ", or leave it out to take the version the letter reads as.");
        }
        if (givenNumber != null && !givenNumber.matches(ApplicationForm.CASE_NUMBER)) {
            errors.put("caseNumber", "A case number looks like CM16-0229336.");
        }
        String problem = submission.content() == null || submission.content().length == 0
                ? ("text".equals(field) ? "Give the letter's text." : "Choose the letter's file: a PDF or plain text.")
                : document(submission, "letter").problem();
        if (problem == null && !submission.pdf()
                && InputPolicy.problem(new String(submission.content(), StandardCharsets.UTF_8), true) != null) {
            problem = "The letter's text must not contain control characters such as NUL.";
        }
        if (problem != null) {
            errors.put(field, problem);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        ParsedLetter parsed = parse(submission);
        DeterminationLetterContent read = parsed.content();
        if (expectedVersion != null && !expectedVersion.equals(read.templateVersion())) {
            throw InvalidInputException.of("templateVersion", "The letter reads as template version "
                    + read.templateVersion() + ", not " + expectedVersion + ": its wording is that version's.");
        }
        String caseNumber = caseNumber(read.caseNumber(), givenNumber);
        checkLengths(read, field);
        // a letter without a header block prints no case number; its PDF's footer shows the one given
        DeterminationLetterContent content = withCaseNumber(read, caseNumber);

        CaseRef ref = cases.create(new ImportedCase(caseNumber, reviewType(content.priority()),
                content.applicationReceived(), content.dateOfInjury(), content.urDenialDate(), content.dateAssigned(),
                content.items().stream().map(DeterminationImport::item).toList(),
                document(submission, caseNumber)), actor);
        List<DisputedItem> items = caseFiles.items(ref.caseId());
        List<ClinicalReviews.ImportedDecision> decisions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemDetermination decided = content.items().get(i);
            decisions.add(new ClinicalReviews.ImportedDecision(items.get(i).id(), decision(decided.decision()),
                    decided.organization(), decided.decisionRationale()));
        }
        reviews.recordImported(ref, content.clinicalCaseSummary(), decisions, actor);
        int overturned = (int) decisions.stream().filter(d -> d.decision() == Decision.OVERTURNED).count();
        int upheld = decisions.size() - overturned;
        jdbc.sql("""
                insert into determination (case_id, upheld_items, overturned_items, issued_at, imported)
                values (:case, :upheld, :overturned, :at, true)""")
                .param("case", ref.caseId()).param("upheld", upheld).param("overturned", overturned)
                .param("at", content.decisionDate() == null ? null : Timestamp.from(
                        content.decisionDate().atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant()))
                .update();
        letters.importDetermination(ref, content);
        // the warnings quote the letter's medical text: the response has them, the audit only their number
        audit.record("DETERMINATION_IMPORTED", caseNumber, "template version " + content.templateVersion() + ", "
                + upheld + " upheld, " + overturned + " overturned, " + parsed.warnings().size() + " parser warnings");
        return new ImportedDetermination(caseNumber, content.templateVersion(), upheld, overturned, parsed.warnings());
    }

    private ParsedLetter parse(LetterSubmission submission) {
        try {
            return submission.pdf() ? parser.parsePdf(submission.content())
                    : parser.parse(new String(submission.content(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(submission.field(), e.getMessage() + ".");
        }
    }

    /** The letter's own case number, or for a letter without one the number given; never two different ones. */
    static String caseNumber(String printed, String given) {
        if (printed == null && given == null) {
            throw InvalidInputException.of("caseNumber", "The letter states no case number (letters before 2016 have"
                    + " no header block): give the case's number as caseNumber.");
        }
        if (printed != null && given != null && !printed.equals(given)) {
            throw InvalidInputException.of("caseNumber", "The letter's case number is " + printed + ", not " + given
                    + ".");
        }
        String number = printed != null ? printed : given;
        if (!number.matches(ApplicationForm.CASE_NUMBER)) {
            throw InvalidInputException.of("caseNumber", "The letter's case number \"" + number
                    + "\" is not of the form CM16-0229336.");
        }
        return number;
    }

    /** Free text longer than its column is refused by name rather than failing in the database. */
    private static void checkLengths(DeterminationLetterContent content, String field) {
        for (int i = 0; i < content.items().size(); i++) {
            ItemDetermination item = content.items().get(i);
            List<String> texts = new ArrayList<>(List.of(item.request()));
            if (item.partial() != null) {
                texts.add(item.partial().authorized());
                texts.add(item.partial().remainder());
            }
            List<String> citations = new ArrayList<>();
            for (GuidelineBasis basis : List.of(item.claimsAdministrator(), item.organization())) {
                citations.add(basis.mtusCitation());
                citations.add(basis.nonMtusCitation());
                citations.add(basis.verbatim());
            }
            if (texts.stream().anyMatch(t -> t.length() > MAX_ITEM_TEXT)) {
                throw InvalidInputException.of(field, "Item " + (i + 1) + "'s request is longer than "
                        + MAX_ITEM_TEXT + " characters.");
            }
            if (citations.stream().anyMatch(t -> t != null && t.length() > MAX_CITATION)) {
                throw InvalidInputException.of(field, "A guideline line of item " + (i + 1) + " is longer than "
                        + MAX_CITATION + " characters.");
            }
        }
    }

    private static DeterminationLetterContent withCaseNumber(DeterminationLetterContent c, String caseNumber) {
        return new DeterminationLetterContent(c.templateVersion(), caseNumber, c.dateAssigned(), c.dateOfInjury(),
                c.decisionDate(), c.urDenialDate(), c.priority(), c.applicationReceived(), c.organizationName(),
                c.organizationShortName(), c.credentials(), c.clinicalCaseSummary(), c.items());
    }

    /** The item as the case records it: where the whole request remains in dispute, no remaining portion. */
    static ImportedCase.Item item(ItemDetermination item) {
        if (item.partial() == null) {
            return new ImportedCase.Item(item.request(), null, null, item.claimsAdministrator());
        }
        return new ImportedCase.Item(item.request(), item.partial().authorized(),
                item.partial().wholeRequestRemains() ? null : item.partial().remainder(), item.claimsAdministrator());
    }

    private static ReviewType reviewType(String priority) {
        if (priority == null) {
            return null;
        }
        return DeterminationLetterContent.EXPEDITED.equals(priority) ? ReviewType.EXPEDITED : ReviewType.STANDARD;
    }

    private static Decision decision(String printed) {
        return ItemDetermination.OVERTURNED.equals(printed) ? Decision.OVERTURNED : Decision.UPHELD;
    }

    /** The letter as a case document, named as it came or after the case. */
    private static DocumentFile document(LetterSubmission submission, String caseNumber) {
        boolean pdf = submission.pdf();
        String name = blankToNull(submission.fileName());
        if (name == null) {
            name = caseNumber + " final determination letter" + (pdf ? ".pdf" : ".txt");
        }
        return new DocumentFile(name, pdf ? "application/pdf" : "text/plain", submission.content());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
