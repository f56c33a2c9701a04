package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.audit.AuditVerification;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log for auditors and administrators: the verification of its hash chain. */
@ApiController("/api/admin/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditVerification verification;

    AuditApi(AuditVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the audit log's hash chain and report the first break (auditors, administrators)")
    AuditVerification.Verification verify() {
        Actor actor = Actor.current();
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("The audit log's verification is for auditors and administrators.");
        }
        return verification.verify();
    }
}
