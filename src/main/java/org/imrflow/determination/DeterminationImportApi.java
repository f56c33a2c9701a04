package org.imrflow.determination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import of historical Final Determination Letters: one endpoint, which takes the letter's text as JSON or its
 * file (PDF or text) as a multipart upload. Administrators only; the service checks.
 */
@ApiController("/api/determinations/import")
@Tag(name = "Determinations")
class DeterminationImportApi {

    private static final String DESCRIPTION = """
            Reads a Final Determination Letter issued elsewhere (a DWC-posted letter of 2013-17, or one this system \
            issued) and makes of it a decided, closed case marked imported: its dates and review type as the letter \
            states them, one disputed item per decided item, the decisions, the determination, and the letter \
            rendered again from the facts read in the template version the letter reads as (the original is kept as \
            a case document). The names the letter does not state read "Not in the imported letter". No process \
            starts and no deadline runs. A letter before 2016 has no header block and states no case number: give \
            it as caseNumber. Answers 201 with the case number and the parser's warnings (what it kept although it \
            could not repair it); 400 naming the field when the letter cannot be read, states no case number or \
            templateVersion names no version (nothing is stored); 409 when the case number exists already, so a \
            letter is imported once.""";

    private final DeterminationImport imports;

    DeterminationImportApi(DeterminationImport imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a historical Final Determination Letter from its text (administrators)",
            description = DESCRIPTION)
    @ApiResponse(responseCode = "201", description = "The case was made; Location is the case")
    ResponseEntity<ImportedDetermination> importText(@RequestBody LetterText letter) {
        return created(imports.importLetter(
                LetterSubmission.text(letter.text(), letter.templateVersion(), letter.caseNumber()), Actor.current()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a historical Final Determination Letter from its PDF or text file (administrators)",
            description = DESCRIPTION)
    @ApiResponse(responseCode = "201", description = "The case was made; Location is the case")
    ResponseEntity<ImportedDetermination> importFile(
            @Parameter(description = "The letter: its PDF, or its text (UTF-8)")
            @RequestPart(name = "file", required = false) MultipartFile file,
            @Parameter(description = "The template version the letter should read as (2013a, 2013b, 2015, 2016)")
            @RequestParam(required = false) String templateVersion,
            @Parameter(description = "The case number of a letter that states none (before 2016)")
            @RequestParam(required = false) String caseNumber) {
        return created(imports.importLetter(LetterSubmission.file(file == null ? null : file.getOriginalFilename(),
                file == null ? null : bytes(file), templateVersion, caseNumber), Actor.current()));
    }

    private static ResponseEntity<ImportedDetermination> created(ImportedDetermination imported) {
        return ResponseEntity.created(URI.create("/api/cases/" + imported.caseNumber())).body(imported);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The uploaded letter could not be read", e);
        }
    }

    /** A letter's text, as extracted from its PDF or as this system's plain text. */
    record LetterText(
            @Schema(description = "The letter's text", requiredMode = Schema.RequiredMode.REQUIRED) String text,
            @Schema(description = "The template version the letter should read as (2013a, 2013b, 2015, 2016); "
                    + "left out, the version it reads as") String templateVersion,
            @Schema(description = "The case number of a letter that states none (before 2016)") String caseNumber) {}
}
