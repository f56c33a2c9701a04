package org.imrflow.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class (JUnit's extension auto-detection, {@code junit-platform.properties}): a class that
 * does not run on the shared {@link ApplicationIT} application (it starts applications or an engine of its own) gets
 * the JVM to itself, so the shared application still running from the classes before it is closed first. A class
 * that starts everything outside this JVM ({@link OutsideThisJvm}) runs beside the others and closes nothing.
 */
public class OwnApplications implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        if (!ApplicationIT.class.isAssignableFrom(type) && !type.isAnnotationPresent(OutsideThisJvm.class)) {
            OneApplicationAtATime.closeRunning();
        }
    }
}
