package org.imrflow.records;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The record set of a case for integrations. */
@ApiController("/api/cases/{caseNumber}/records")
@Tag(name = "Cases")
class RecordsApi {

    private final RecordsManagement records;

    RecordsApi(RecordsManagement records) {
        this.records = records;
    }

    @PostMapping("/complete")
    @Operation(summary = "Mark the claims administrator's record set complete (coordinators)")
    RecordRequest complete(@PathVariable String caseNumber) {
        return records.markComplete(caseNumber, Actor.current());
    }
}
