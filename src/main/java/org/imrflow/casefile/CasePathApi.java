package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A case's path through its process, and where the open cases stand. */
@ApiController("/api")
@Tag(name = "Cases")
class CasePathApi {

    private final CasePaths paths;

    CasePathApi(CasePaths paths) {
        this.paths = paths;
    }

    @GetMapping("/cases/{caseNumber}/path")
    @Operation(summary = "The way a case went through bpmn/imr-case.bpmn: each step with when it was entered and left "
            + "and who completed it, the flows taken, where it stands and its incidents")
    CasePath path(@PathVariable String caseNumber) {
        return paths.path(caseNumber, Actor.current());
    }

    @GetMapping("/process-map")
    @Operation(summary = "How many open cases stand at each element of bpmn/imr-case.bpmn (staff who see every case)")
    ProcessMap map() {
        return paths.map(Actor.current());
    }
}
