package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.imrflow.deadlines.CaseClocks;
import org.imrflow.intake.CaseFiles;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** A case's statutory clocks, and the extension of its determination deadline. */
@ApiController("/api/cases/{caseNumber}/clocks")
@Tag(name = "Cases")
class ClockApi {

    private final CaseFiles cases;
    private final CaseClocks clocks;
    private final CaseFileAssembler caseFiles;

    ClockApi(CaseFiles cases, CaseClocks clocks, CaseFileAssembler caseFiles) {
        this.cases = cases;
        this.clocks = clocks;
        this.caseFiles = caseFiles;
    }

    @GetMapping
    @Operation(summary = "The case's statutory clocks: rule, trigger, due date, status, business days left")
    List<CaseClockView> clocks(@PathVariable String caseNumber) {
        return caseFiles.clocks(cases.visible(caseNumber, Actor.current()).id());
    }

    @PostMapping("/determination/extension")
    @Operation(summary = "Record the Administrative Director's extension of the determination, 1 to 3 days "
            + "(coordinators, the medical director)")
    ResponseEntity<Void> extend(@PathVariable String caseNumber, @RequestBody Extension extension) {
        Actor actor = Actor.current();
        clocks.extendDetermination(cases.reference(caseNumber, actor), extension.days() == null ? 0 : extension.days(),
                extension.approvedBy(), extension.approvedOn(), extension.reason(), actor);
        return ResponseEntity.noContent().build();
    }

    /** The Administrative Director's approval of more time for the determination. */
    record Extension(Integer days, String approvedBy, LocalDate approvedOn, String reason) {}
}
