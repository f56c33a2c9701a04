package org.imrflow.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.imrflow.intake.DocumentFile;
import org.imrflow.intake.DocumentSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The case page's form for a document received after intake, as the browser sends it: any field may be missing. */
class DocumentForm {

    private MultipartFile file;
    private DocumentSource source;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedDate;

    static DocumentForm blank(LocalDate today) {
        DocumentForm form = new DocumentForm();
        form.setReceivedDate(today);
        return form;
    }

    /** The chosen file, or null if none was chosen. */
    DocumentFile documentFile() {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        try {
            return new DocumentFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded document could not be read", e);
        }
    }

    public MultipartFile getFile() {
        return file;
    }

    public void setFile(MultipartFile file) {
        this.file = file;
    }

    public DocumentSource getSource() {
        return source;
    }

    public void setSource(DocumentSource source) {
        this.source = source;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public void setReceivedDate(LocalDate receivedDate) {
        this.receivedDate = receivedDate;
    }
}
