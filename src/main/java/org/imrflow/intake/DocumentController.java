package org.imrflow.intake;

import java.nio.charset.StandardCharsets;
import org.imrflow.security.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads of the documents received with an application; each download is audited by the service. */
@org.imrflow.web.PageController
class DocumentController {

    private final CaseFiles cases;

    DocumentController(CaseFiles cases) {
        this.cases = cases;
    }

    @GetMapping("/cases/{caseNumber}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long documentId) {
        CaseFiles.DocumentContent found = cases.document(caseNumber, documentId, Actor.current());
        MediaType type = MediaType.parseMediaType(found.document().contentType());
        if ("text".equals(type.getType())) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        // a PDF opens in the browser's viewer; anything else is saved rather than rendered
        ContentDisposition disposition = (MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)
                || MediaType.TEXT_PLAIN.equalsTypeAndSubtype(type) ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(found.document().fileName(), charsetFor(found.document().fileName()))
                .build();
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(found.content());
    }

    /** Plain ASCII names stay readable in the header; others are RFC 5987-encoded. */
    private static java.nio.charset.Charset charsetFor(String fileName) {
        return fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? null : StandardCharsets.UTF_8;
    }
}
