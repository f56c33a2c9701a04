package org.imrflow.correspondence;

import java.util.Arrays;
import java.util.Objects;

/**
 * One issued letter: its plain text, its PDF, the SHA-256 (lower-case hex) of the PDF bytes and the template
 * version whose wording it has.
 * The PDF array is copied in and out so that nobody holding this record can alter the document
 * its hash vouches for.
 */
public record RenderedLetter(String title, String text, byte[] pdf, String sha256, String templateVersion) {

    public RenderedLetter {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(templateVersion, "templateVersion");
        pdf = Objects.requireNonNull(pdf, "pdf").clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    // arrays compare by identity; two letters are the same when their bytes are
    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedLetter that && title.equals(that.title) && text.equals(that.text)
                && Arrays.equals(pdf, that.pdf) && sha256.equals(that.sha256)
                && templateVersion.equals(that.templateVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, text, Arrays.hashCode(pdf), sha256, templateVersion);
    }

    // leaves out the text: it holds medical information that must not end up in logs
    @Override
    public String toString() {
        return "RenderedLetter[title=" + title + ", pdf=" + pdf.length + " bytes, sha256=" + sha256 + "]";
    }
}
