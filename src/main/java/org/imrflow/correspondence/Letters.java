package org.imrflow.correspondence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.imrflow.deadlines.BusinessTime;
import org.imrflow.engine.CaseRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues letters and reads issued ones. Issuing is idempotent: a case has at most one letter of each kind,
 * and a repeated request returns the letter already issued, unchanged. An issued letter is stored with its
 * SHA-256 and template version, and its sending to each recipient goes into the delivery log
 * ({@link LetterDeliveries}). Callers check who may read a case.
 */
@Service
public class Letters {

    private final LetterRenderer renderer;
    private final LetterArchive archive;
    private final LetterDeliveries deliveries;
    private final BusinessTime time;
    private final ObjectMapper json;
    private final AuditLog audit;

    Letters(LetterRenderer renderer, LetterArchive archive, LetterDeliveries deliveries, BusinessTime time,
            ObjectMapper json, AuditLog audit) {
        this.renderer = renderer;
        this.archive = archive;
        this.deliveries = deliveries;
        this.time = time;
        this.json = json;
        this.audit = audit;
    }

    /** The template version new letters are worded by ({@code imr.letters.template-version}). */
    public String templateVersion() {
        return renderer.templateVersion();
    }

    /** The Final Determination Letter of a case this system decided, mailed to the recipients. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueDetermination(CaseRef ref, MailedDetermination content, List<Recipient> recipients) {
        return issueOnce(ref, LetterKind.FINAL_DETERMINATION, () -> renderer.renderMailedDetermination(content, recipients),
                recipients, content.letter());
    }

    /**
     * Stores the Final Determination Letter of a determination issued elsewhere, rendered again from the facts read
     * off it, in the template version they were read in: the case's letter is then this system's rendering of the
     * same words, with its own PDF and SHA-256. A case that has its letter already keeps it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo importDetermination(CaseRef ref, DeterminationLetterContent content) {
        return archive.find(ref.caseId(), LetterKind.FINAL_DETERMINATION).orElseGet(() -> {
            LetterInfo letter = archive.store(ref.caseId(), LetterKind.FINAL_DETERMINATION,
                    renderer.renderDetermination(content), toJson(content), true);
            audit.record("LETTER_IMPORTED", ref.caseNumber(), letter.title() + " of template version "
                    + content.templateVersion() + ", rendered again from the imported letter; sha256 " + letter.sha256());
            return letter;
        });
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueIneligibilityNotice(CaseRef ref, IneligibilityNoticeContent content, List<Recipient> recipients) {
        return issueOnce(ref, LetterKind.INELIGIBILITY_NOTICE,
                () -> renderer.renderIneligibilityNotice(content, recipients), recipients, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueNoticeOfAssignment(CaseRef ref, NoticeOfAssignmentContent content, List<Recipient> recipients) {
        return issueOnce(ref, LetterKind.NOTICE_OF_ASSIGNMENT,
                () -> renderer.renderNoticeOfAssignment(content, recipients), recipients, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueExpeditedReviewNotice(CaseRef ref, ExpeditedReviewNoticeContent content,
                                                 List<Recipient> recipients) {
        return issueOnce(ref, LetterKind.EXPEDITED_REVIEW_NOTICE,
                () -> renderer.renderExpeditedReviewNotice(content, recipients), recipients, null);
    }

    /** A request for information: a case may be sent several, each issued anew. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueInformationRequest(CaseRef ref, InformationRequestContent content, List<Recipient> recipients) {
        return issued(ref, LetterKind.INFORMATION_REQUEST, renderer.renderInformationRequest(content, recipients),
                recipients, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issueTerminationNotice(CaseRef ref, TerminationNoticeContent content, List<Recipient> recipients) {
        return issueOnce(ref, LetterKind.TERMINATION_NOTICE,
                () -> renderer.renderTerminationNotice(content, recipients), recipients, null);
    }

    /**
     * The public copy of a case's Final Determination Letter: the public letter only, of facts already redacted.
     * It is sent to nobody; the public reads it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LetterInfo issuePublicCopy(CaseRef ref, DeterminationLetterContent redacted) {
        return issueOnce(ref, LetterKind.PUBLIC_COPY, () -> renderer.renderDetermination(redacted), List.of(), redacted);
    }

    /**
     * The Final Determination Letter as {@link #issueDetermination} would mail it, marked on every page as a draft
     * that was not issued: what the medical director reads before approving. Nothing is stored or sent; the reading
     * is audited, as every reading of a letter is. Callers check who may preview it.
     */
    @Transactional
    public byte[] previewDetermination(CaseRef ref, MailedDetermination content, List<Recipient> recipients) {
        byte[] pdf = renderer.renderMailedDeterminationDraft(content, recipients).pdf();
        audit.record("LETTER_PREVIEWED", ref.caseNumber(), LetterRenderer.DETERMINATION_TITLE + ", draft, as PDF");
        return pdf;
    }

    /** The public letter of facts not yet redacted, rendered but not issued: what a coordinator reviews. */
    public RenderedLetter preview(DeterminationLetterContent content) {
        return renderer.renderDetermination(content);
    }

    /** The facts the case's Final Determination Letter was rendered from, if it has one. */
    @Transactional(readOnly = true)
    public Optional<DeterminationLetterContent> determinationFacts(long caseId) {
        return archive.facts(caseId, LetterKind.FINAL_DETERMINATION).map(this::fromJson);
    }

    /** The text of the case's public copy, if one was issued: the public reads it without signing in. */
    @Transactional(readOnly = true)
    public Optional<String> publicCopyText(long caseId) {
        return archive.find(caseId, LetterKind.PUBLIC_COPY).flatMap(letter -> archive.text(caseId, letter.id()));
    }

    /** The PDF of the case's public copy, if one was issued. */
    @Transactional(readOnly = true)
    public Optional<byte[]> publicCopyPdf(long caseId) {
        return archive.find(caseId, LetterKind.PUBLIC_COPY).flatMap(letter -> archive.pdf(caseId, letter.id()));
    }

    @Transactional(readOnly = true)
    public List<LetterInfo> forCase(long caseId) {
        return archive.forCase(caseId);
    }

    /** Every issued letter checked against the hashes of its text and PDF, in the database. */
    @Transactional(readOnly = true)
    public LetterCheck check() {
        return new LetterCheck(archive.count(), archive.altered());
    }

    /** The letter's text; refused (409) if it no longer gives the SHA-256 it was issued with. */
    @Transactional
    public String text(CaseRef ref, long letterId) {
        String text = archive.text(ref.caseId(), letterId).orElseThrow(() -> noLetter(ref));
        audit.record("LETTER_VIEWED", ref.caseNumber(), "letter " + letterId + " as text");
        return text;
    }

    /** The letter's PDF; refused (409) if it no longer gives the SHA-256 it was issued with. */
    @Transactional
    public byte[] pdf(CaseRef ref, long letterId) {
        byte[] pdf = archive.pdf(ref.caseId(), letterId).orElseThrow(() -> noLetter(ref));
        audit.record("LETTER_VIEWED", ref.caseNumber(), "letter " + letterId + " as PDF");
        return pdf;
    }

    /**
     * The letter of this kind already issued for the case, or a new one. Rendering waits until the archive
     * has none, so a repeated request neither re-renders nor audits a second issue, nor sends it again.
     */
    private LetterInfo issueOnce(CaseRef ref, LetterKind kind, Supplier<RenderedLetter> render,
                                 List<Recipient> recipients, DeterminationLetterContent facts) {
        return archive.find(ref.caseId(), kind).orElseGet(() -> issued(ref, kind, render.get(), recipients, facts));
    }

    /** Stores the letter, logs its sending to each recipient, and audits it. */
    private LetterInfo issued(CaseRef ref, LetterKind kind, RenderedLetter rendered, List<Recipient> recipients,
                              DeterminationLetterContent facts) {
        LetterInfo letter = archive.store(ref.caseId(), kind, rendered, facts == null ? null : toJson(facts), false);
        deliveries.sent(letter.id(), ref.caseId(), recipients, time.now());
        audit.record("LETTER_ISSUED", ref.caseNumber(), letter.title() + " sha256 " + letter.sha256()
                + ", text sha256 " + letter.textSha256()
                + (recipients.isEmpty() ? "" : ", sent to " + recipients.size() + " recipient(s)"));
        return letter;
    }

    private String toJson(DeterminationLetterContent facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The letter's facts cannot be written as JSON", e);
        }
    }

    private DeterminationLetterContent fromJson(String facts) {
        try {
            return json.readValue(facts, DeterminationLetterContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored facts of a letter cannot be read", e);
        }
    }

    private static NotFoundException noLetter(CaseRef ref) {
        return new NotFoundException("No such letter for case " + ref.caseNumber() + ".");
    }
}
