package org.imrflow.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar imrflow.jar --imr.audit.verify}: verifies the audit chain against the last anchor, prints the
 * outcome and exits, 0 if the chain holds and 1 at its first break.
 */
@Component
@ConditionalOnProperty("imr.audit.verify")
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditChainMonitor monitor;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditChainMonitor monitor, ApplicationContext context) {
        this.monitor = monitor;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification.Verification result = monitor.check();
        System.out.println(result.valid()
                ? "The audit chain holds: " + result.checked() + " entries verified."
                : "The audit chain is broken at entry " + result.firstBreak().entryId() + " (place "
                        + result.firstBreak().seq() + "): " + result.firstBreak().kind() + ", "
                        + result.firstBreak().detail());
        int code = result.valid() ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
