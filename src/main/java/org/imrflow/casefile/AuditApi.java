package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.imrflow.audit.AuditVerification;
import org.imrflow.correspondence.LetterCheck;
import org.imrflow.correspondence.Letters;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.imrflow.web.ApiController;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The audit log for auditors and administrators: the verification of its hash chain, and of the issued letters
 * against the hashes they were issued with.
 */
@ApiController("/api/admin/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditVerification verification;
    private final Letters letters;

    AuditApi(AuditVerification verification, Letters letters) {
        this.verification = verification;
        this.letters = letters;
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the audit log's hash chain and report the first break (auditors, administrators)")
    AuditVerification.Verification verify() {
        auditorOrAdministrator();
        return verification.verify();
    }

    @GetMapping("/letters")
    @Operation(summary = "Check every issued letter's text and PDF against the SHA-256 each was issued with, and name "
            + "those altered since (auditors, administrators)")
    LetterCheck letters() {
        auditorOrAdministrator();
        return letters.check();
    }

    private static void auditorOrAdministrator() {
        Actor actor = Actor.current();
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("The audit log's verification is for auditors and administrators.");
        }
    }
}
