package org.imrflow.correspondence;

import static org.imrflow.correspondence.ExtractedText.collapsed;
import static org.imrflow.correspondence.ExtractedText.excerpt;
import static org.imrflow.correspondence.ExtractedText.phrase;
import static org.imrflow.correspondence.ExtractedText.ws;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads the facts of a Final Determination Letter back from its public text: a letter this system issued, or
 * a historical one (the DWC-posted letters of 2013-17), as text extracted from its PDF. The result, rendered
 * with the template version it detects, prints the same words as the letter.
 *
 * <p>Extracted text breaks lines anywhere, doubles spaces and splits words with stray spaces, even inside
 * the fixed labels ("Decisi on rationale", "MAXIMUS guideline :", "Uphel d") and the case number
 * ("CM16 -0229336"). So every fixed phrase is matched with optional whitespace between its characters, and
 * what it frames is read with whitespace collapsed. The fixed text is printed again by the template, which
 * repairs it; free text (case summary, rationales, citations, item descriptions) cannot be repaired safely
 * and is kept as extracted, one paragraph per line ({@link ExtractedText} tells paragraphs from wrapped lines).
 * What could not be repaired, and guideline lines that fit no wording and are kept verbatim, come back as
 * warnings. Pure Java, without Spring, so an import can run it anywhere.
 */
public final class DeterminationLetterParser {

    private static final String DATE = "(\\d\\s*\\d?\\s*/\\s*\\d\\s*\\d?\\s*/\\s*\\d\\s*\\d\\s*\\d\\s*\\d)";
    private static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final Pattern CASE_NUMBER_FORM = Pattern.compile("[A-Z]{2}\\d{2}-\\d{7}");

    private static final Pattern CASE_NUMBER_LABEL = phrase("Case Number:");
    private static final Pattern HEADER = Pattern.compile(ws("Case Number:") + "\\s*(.+?)\\s*"
            + ws("Date Assigned:") + "\\s*" + DATE + "\\s*" + ws("Date of Injury:") + "\\s*" + DATE + "\\s*"
            + ws("Decision Date:") + "\\s*" + DATE + "\\s*" + ws("UR Denial Date:") + "\\s*" + DATE + "\\s*"
            + ws("Priority:") + "\\s*(.+?)\\s*" + ws("Application Received:") + "\\s*" + DATE);

    private static final Pattern HOW_HEADING = phrase("HOW THE IMR FINAL DETERMINATION WAS MADE");
    private static final Pattern SENT_CASE_FILE = Pattern.compile(ws("sent the complete case file to") + "\\s*(?:"
            + "(?<expert>" + ws("an expert reviewer.") + ")|(?<physician>" + ws("a physician reviewer.") + "))");
    private static final Pattern STRENGHT = phrase("strenght");
    private static final Pattern CREDENTIAL_BLOCK = Pattern.compile(
            ws("The Expert Reviewer has the following credentials:") + "\\s*" + ws("State(s) of Licensure:")
                    + "\\s*(.*?)\\s*" + ws("Certification(s)/Specialty:") + "\\s*(.*?)\\s*$");
    private static final Pattern INLINE_CREDENTIALS = Pattern.compile(
            ws("The physician reviewer is Board Certified in") + "\\s*(.+?)\\s*" + ws("and is licensed to practice in")
                    + "\\s*(.+?)\\s*\\.\\s*" + ws("He/she has been"));

    private static final Pattern SUMMARY_HEADING = phrase("CLINICAL CASE SUMMARY");
    private static final Pattern SUMMARY_LEAD_IN = Pattern.compile("\\s*" + ws("The expert reviewer developed the "
            + "following clinical case summary based on a review of the case file, including all medical records:"));
    private static final Pattern ISSUES_HEADING = phrase("IMR ISSUES, DECISIONS AND RATIONALES");
    private static final Pattern ISSUES_LEAD_IN = Pattern.compile("\\s*" + ws("The Final Determination was based on "
            + "decisions for the disputed items/services set forth below:"));

    /** The end of an item line: its outcome, right before the first guideline label. */
    private static final Pattern OUTCOME = Pattern.compile(":\\s*(?<decision>" + ws("Upheld") + "|" + ws("Overturned")
            + ")\\s*" + ws("Claims Administrator guideline:"));
    /** The organization's label, "<SHORT> guideline:"; the short name is upper case, maybe split by a space. */
    private static final Pattern SHORT_NAME_LABEL = Pattern.compile("(?<name>[A-Z][A-Z&\\s]*?)\\s*" + ws("guideline:"));
    private static final Pattern RATIONALE_LABEL = phrase("Decision rationale:");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)\\]]*\\s+(?=\\S)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.!?][\"'”’)\\]]*$", Pattern.DOTALL);

    /** UTF-8 read as Latin-1 ("Â§Â§" for "§§"). */
    private static final Pattern MOJIBAKE = Pattern.compile("Â[\\u00A0-\\u00BF]|Ã[\\u0080-\\u00BF]|â€");

    /** Reads the facts of a letter given as text (extracted from a PDF, or a plain-text letter of this system). */
    public ParsedLetter parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Reading(ExtractedText.of(text)).read();
    }

    /**
     * Extracts the text of a letter's PDF, as a PDF reader would, marks its paragraphs as the DWC texts do and
     * reads its facts (see {@link PdfLetterText}).
     */
    public ParsedLetter parsePdf(byte[] pdf) {
        Objects.requireNonNull(pdf, "pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return parse(PdfLetterText.of(document));
        } catch (IOException e) {
            throw new IllegalArgumentException("The file is not a readable PDF: " + e.getMessage(), e);
        }
    }

    /** One reading of one letter, collecting what it could not repair. */
    private static final class Reading {

        private final ExtractedText flat;
        private final String text;
        private final List<String> warnings = new ArrayList<>();
        private boolean repairedSplitWords;

        Reading(ExtractedText flat) {
            this.flat = flat;
            this.text = flat.text();
        }

        ParsedLetter read() {
            MatchResult how = required(HOW_HEADING, 0, text.length(), "the heading \"HOW THE IMR FINAL DETERMINATION WAS MADE\"");
            MatchResult summary = required(SUMMARY_HEADING, how.end(), text.length(), "the heading \"CLINICAL CASE SUMMARY\"");
            MatchResult issues = required(ISSUES_HEADING, summary.end(), text.length(),
                    "the heading \"IMR ISSUES, DECISIONS AND RATIONALES\"");
            Header header = header(how.start());
            MatchResult sent = required(SENT_CASE_FILE, how.end(), summary.start(),
                    "\"<organization> sent the complete case file to an expert reviewer\" (or \"a physician reviewer\")");
            String organizationName = collapsed(text.substring(how.end(), sent.start()));
            boolean physician = sent.group("physician") != null;
            boolean strenght = STRENGHT.matcher(text).region(how.end(), summary.start()).find();
            ReviewerCredentials credentials = physician ? inlineCredentials(sent.end(), summary.start())
                    : credentialBlock(sent.end(), summary.start());

            MatchResult summaryLeadIn = leadIn(SUMMARY_LEAD_IN, summary.end(), "the clinical case summary's lead-in "
                    + "\"The expert reviewer developed the following clinical case summary ...\"");
            String caseSummary = flat.paragraphs(summaryLeadIn.end(), issues.start());
            MatchResult issuesLeadIn = leadIn(ISSUES_LEAD_IN, issues.end(), "the lead-in \"The Final Determination was "
                    + "based on decisions for the disputed items/services set forth below:\"");
            List<PrintedItem> printedItems = items(issuesLeadIn.end());

            LetterTemplateVersions.Version version = version(header != null, physician, strenght, printedItems);
            List<ItemDetermination> items = new ArrayList<>();
            for (PrintedItem printed : printedItems) {
                items.add(printed.determination(version, warnings));
            }
            String shortName = printedItems.getFirst().shortName();
            DeterminationLetterContent content = new DeterminationLetterContent(version.id(),
                    header == null ? null : header.caseNumber(), header == null ? null : header.dateAssigned(),
                    header == null ? null : header.dateOfInjury(), header == null ? null : header.decisionDate(),
                    header == null ? null : header.urDenialDate(), header == null ? null : header.priority(),
                    header == null ? null : header.applicationReceived(), organizationName, shortName, credentials,
                    caseSummary, items);
            warnAboutKeptArtefacts(content);
            return new ParsedLetter(content, warnings);
        }

        private record Header(String caseNumber, LocalDate dateAssigned, LocalDate dateOfInjury, LocalDate decisionDate,
                LocalDate urDenialDate, String priority, LocalDate applicationReceived) {
        }

        /** The header block before the first heading, or null for a letter without one. */
        private Header header(int end) {
            Matcher label = CASE_NUMBER_LABEL.matcher(text).region(0, end);
            if (!label.find()) {
                return null;
            }
            Matcher header = HEADER.matcher(text).region(label.start(), end);
            if (!header.lookingAt()) {
                throw new IllegalArgumentException("The header block could not be read: expected Case Number, Date "
                        + "Assigned, Date of Injury, Decision Date, UR Denial Date, Priority and Application Received, "
                        + "in this order, before \"HOW THE IMR FINAL DETERMINATION WAS MADE\"");
            }
            noteSplit(label.group(), "Case Number:");
            String caseNumber = header.group(1).replaceAll("\\s+", "");
            repairedSplitWords |= !caseNumber.equals(header.group(1));
            if (!CASE_NUMBER_FORM.matcher(caseNumber).matches()) {
                warnings.add("The case number \"" + caseNumber + "\" is not of the form CM16-0229336; kept as printed.");
            }
            return new Header(caseNumber, date(header.group(2), "dateAssigned"), date(header.group(3), "dateOfInjury"),
                    date(header.group(4), "decisionDate"), date(header.group(5), "urDenialDate"),
                    header.group(6).replaceAll("\\s+", ""), date(header.group(7), "applicationReceived"));
        }

        private ReviewerCredentials credentialBlock(int from, int to) {
            MatchResult block = required(CREDENTIAL_BLOCK, from, to, "the credential block \"The Expert Reviewer has the "
                    + "following credentials: State(s) of Licensure: ... Certification(s)/Specialty: ...\"");
            return credentials(block.group(1), block.group(2));
        }

        private ReviewerCredentials inlineCredentials(int from, int to) {
            MatchResult inline = required(INLINE_CREDENTIALS, from, to, "\"The physician reviewer is Board Certified in "
                    + "... and is licensed to practice in ...\"");
            return credentials(inline.group(2), inline.group(1));
        }

        private ReviewerCredentials credentials(String states, String specialties) {
            return new ReviewerCredentials(entries(states, "State(s) of Licensure"),
                    entries(specialties, "Certification(s)/Specialty"));
        }

        private List<String> entries(String list, String label) {
            List<String> entries = Arrays.stream(list.split(",")).map(ExtractedText::collapsed)
                    .filter(entry -> !entry.isEmpty()).toList();
            for (String entry : entries) {
                if (entry.matches(".* [a-z]")) {
                    warnings.add(label + " \"" + entry + "\" ends in a stray letter; kept as printed.");
                }
            }
            return entries;
        }

        /** The disputed items, read between the item lines that end in their outcome. */
        private List<PrintedItem> items(int from) {
            List<MatchResult> outcomes = new ArrayList<>();
            Matcher outcome = OUTCOME.matcher(text).region(from, text.length());
            while (outcome.find()) {
                noteSplit(outcome.group(), ": " + collapsed(outcome.group("decision")) + " Claims Administrator guideline:");
                outcomes.add(outcome.toMatchResult());
            }
            if (outcomes.isEmpty()) {
                throw new IllegalArgumentException("No disputed item found: an item line ends in \": Upheld\" or "
                        + "\": Overturned\", followed by \"Claims Administrator guideline:\"");
            }
            String shortName = shortName(outcomes);
            Pattern organizationLabel = phrase(shortName + " guideline:");
            List<PrintedItem> items = new ArrayList<>();
            int itemStart = from;
            for (int k = 0; k < outcomes.size(); k++) {
                MatchResult item = outcomes.get(k);
                int next = k + 1 < outcomes.size() ? outcomes.get(k + 1).start() : text.length();
                String where = "item " + (k + 1);
                MatchResult organization = required(organizationLabel, item.end(), next,
                        "\"" + shortName + " guideline:\" of " + where);
                noteSplit(organization.group(), shortName + " guideline:");
                MatchResult rationale = required(RATIONALE_LABEL, organization.end(), next, "\"Decision rationale:\" of " + where);
                noteSplit(rationale.group(), "Decision rationale:");
                int rationaleEnd = k + 1 < outcomes.size() ? itemStart(rationale.end(), next, k + 2) : text.length();
                items.add(new PrintedItem(k + 1, collapsed(text.substring(itemStart, item.start())),
                        collapsed(item.group("decision")).replace(" ", ""),
                        collapsed(text.substring(item.end(), organization.start())),
                        collapsed(text.substring(organization.end(), rationale.start())),
                        flat.paragraphs(rationale.end(), rationaleEnd), shortName));
                itemStart = rationaleEnd;
            }
            return items;
        }

        /**
         * The organization's short name, from the label of its guideline line. Where the label follows a citation
         * ending in capitals ("... ODG MAXIMUS guideline:") the run of capitals is too long, so the name is the one
         * most items agree on.
         */
        private String shortName(List<MatchResult> outcomes) {
            Map<String, Integer> votes = new HashMap<>();
            for (int k = 0; k < outcomes.size(); k++) {
                int next = k + 1 < outcomes.size() ? outcomes.get(k + 1).start() : text.length();
                Matcher label = SHORT_NAME_LABEL.matcher(text).region(outcomes.get(k).end(), next);
                if (label.find()) {
                    votes.merge(label.group("name").replaceAll("\\s+", ""), 1, Integer::sum);
                }
            }
            return votes.entrySet().stream()
                    .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                            .thenComparing(entry -> -entry.getKey().length()))
                    .map(Map.Entry::getKey)
                    .orElseThrow(() -> new IllegalArgumentException("No \"<organization> guideline:\" label found after "
                            + "the first \"Claims Administrator guideline:\""));
        }

        /**
         * Where the item line that ends at {@code to} starts, in the text after the previous item's "Decision
         * rationale:". The item line is a paragraph of its own: the last paragraph start after which the rationale
         * ends a sentence. Some extractions run the item line on after the rationale; then it starts after the
         * rationale's last sentence (for a partial approval, at the sentence naming the original request).
         */
        private int itemStart(int from, int to, int itemNumber) {
            List<Integer> breaks = flat.paragraphStartsWithin(from, to);
            for (int i = breaks.size() - 1; i >= 0; i--) {
                if (ENDS_SENTENCE.matcher(text.substring(from, breaks.get(i)).strip()).matches()) {
                    return breaks.get(i);
                }
            }
            String segment = text.substring(from, to);
            List<Integer> sentenceStarts = new ArrayList<>();
            Matcher end = SENTENCE_END.matcher(segment);
            while (end.find()) {
                sentenceStarts.add(end.end());
            }
            if (sentenceStarts.isEmpty()) {
                throw new IllegalArgumentException("Item " + itemNumber + ": its item line cannot be told from the "
                        + "rationale before it");
            }
            int start = sentenceStarts.getLast();
            if (PrintedItem.namesAnOriginalRequest(segment)) {
                for (int i = sentenceStarts.size() - 1; i >= 0; i--) {
                    String candidate = segment.substring(sentenceStarts.get(i)).strip();
                    if (PrintedItem.isPartialApproval(candidate)) {
                        start = sentenceStarts.get(i);
                        break;
                    }
                }
            }
            warnings.add("Item " + itemNumber + ": its item line runs on after the rationale before it; it was taken "
                    + "to start at \"" + excerpt(segment.substring(start)) + "\".");
            return from + start;
        }

        /**
         * The template version whose text this is. The header block, the reviewer paragraph and its spelling
         * decide; a letter that words the non-MTUS sentence in another version's way keeps those lines verbatim.
         */
        private LetterTemplateVersions.Version version(boolean headerBlock, boolean physician, boolean strenght,
                List<PrintedItem> items) {
            List<LetterTemplateVersions.Version> candidates = LetterTemplateVersions.all().stream()
                    .filter(v -> v.headerBlock() == headerBlock && v.physicianReviewer() == physician
                            && v.strenghtTypo() == strenght)
                    .toList();
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("No template version has this text: " + (headerBlock ? "a" : "no")
                        + " header block, " + (physician ? "a physician reviewer" : "an expert reviewer")
                        + (strenght ? ", \"strenght\"" : "") + ". Known versions: " + LetterTemplateVersions.ids());
            }
            Set<Boolean> outsideWordings = new LinkedHashSet<>();
            for (PrintedItem item : items) {
                PrintedItem.outsideMtusWording(item.claimsAdministrator()).ifPresent(outsideWordings::add);
                PrintedItem.outsideMtusWording(item.organization()).ifPresent(outsideWordings::add);
            }
            return candidates.stream().filter(v -> outsideWordings.isEmpty() || outsideWordings.contains(v.outsideMtusWording()))
                    .reduce((older, newer) -> newer)
                    .orElse(candidates.getLast());
        }

        private void warnAboutKeptArtefacts(DeterminationLetterContent content) {
            List<String[]> texts = new ArrayList<>();
            texts.add(new String[] {"the clinical case summary", content.clinicalCaseSummary()});
            for (int k = 0; k < content.items().size(); k++) {
                ItemDetermination item = content.items().get(k);
                String where = "item " + (k + 1);
                texts.add(new String[] {where + "'s request", item.request()});
                texts.add(new String[] {where + "'s decision rationale", item.decisionRationale()});
                for (GuidelineBasis basis : List.of(item.claimsAdministrator(), item.organization())) {
                    for (String citation : Arrays.asList(basis.mtusCitation(), basis.nonMtusCitation(), basis.verbatim())) {
                        texts.add(new String[] {where + "'s guideline line", citation});
                    }
                }
            }
            for (String[] part : texts) {
                Matcher mojibake = part[1] == null ? null : MOJIBAKE.matcher(part[1]);
                if (mojibake != null && mojibake.find()) {
                    warnings.add("Mojibake (UTF-8 read as Latin-1) in " + part[0] + ": \""
                            + excerptAround(part[1], mojibake.start()) + "\"; kept as printed.");
                }
            }
            String lastRationale = content.items().getLast().decisionRationale();
            if (!ENDS_SENTENCE.matcher(lastRationale).matches()) {
                warnings.add("The letter ends mid-sentence (\"..." + lastRationale.substring(Math.max(0,
                        lastRationale.length() - 40)) + "\"): its text looks truncated; kept as printed.");
            }
            if (repairedSplitWords) {
                warnings.add("Words split by stray spaces were joined in the fixed labels and the case number; the free "
                        + "text (case summary, rationales, citations, item descriptions) is kept as extracted and may "
                        + "still contain split words.");
            }
        }

        private MatchResult required(Pattern pattern, int from, int to, String what) {
            Matcher matcher = pattern.matcher(text).region(from, to);
            if (!matcher.find()) {
                throw new IllegalArgumentException("Not a Final Determination Letter this system can read: " + what
                        + " is missing");
            }
            return matcher.toMatchResult();
        }

        private MatchResult leadIn(Pattern pattern, int from, String what) {
            Matcher matcher = pattern.matcher(text).region(from, text.length());
            if (!matcher.lookingAt()) {
                throw new IllegalArgumentException("Not a Final Determination Letter this system can read: " + what
                        + " does not follow its heading");
            }
            return matcher.toMatchResult();
        }

        /**
         * Notes a fixed phrase printed with a word split by a stray space ("Decisi on rationale:"); a space before
         * its punctuation ("guideline :") is only spacing.
         */
        private void noteSplit(String printed, String phrase) {
            String unspaced = collapsed(printed).replaceAll(" (?=[:.,])", "");
            repairedSplitWords |= !unspaced.equals(collapsed(phrase).replaceAll(" (?=[:.,])", ""));
        }

        private LocalDate date(String printed, String field) {
            String date = printed.replaceAll("\\s+", "");
            try {
                return LocalDate.parse(date, LETTER_DATE);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(field + " \"" + date + "\" is not a date (MM/DD/YYYY)", e);
            }
        }
    }

    private static String excerptAround(String text, int at) {
        return text.substring(Math.max(0, at - 20), Math.min(text.length(), at + 20));
    }
}
