package org.imrflow.security;

import org.imrflow.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins to the web UI, successful or not, go into the audit log. */
@Component
class LoginAudit {

    private final AuditLog audit;

    LoginAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), "LOGIN", null, "signed in");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        audit.recordAs(String.valueOf(event.getAuthentication().getName()), "LOGIN_FAILED", null,
                event.getException().getClass().getSimpleName());
    }
}
