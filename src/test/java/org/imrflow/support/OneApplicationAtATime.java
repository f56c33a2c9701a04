package org.imrflow.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Test classes of the same configuration share one running application, as Spring's context cache has them do, but
 * never two at once (registered in {@code META-INF/spring.factories}, ahead of the listeners that load it): before a
 * class whose application is not running yet, the one running is closed, because two embedded engines in one JVM
 * corrupt each other's responses (engine notes, "one engine per JVM"). Classes that start applications of their own
 * close it through {@link #closeRunning()} (see {@link OwnApplications}).
 */
public class OneApplicationAtATime implements TestExecutionListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OneApplicationAtATime.class);
    private static TestContext running;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        synchronized (OneApplicationAtATime.class) {
            if (!testContext.hasApplicationContext()) {
                closeRunning();
            }
            running = testContext;
        }
    }

    /** Closes the application the test classes before shared, if it still runs. */
    public static void closeRunning() {
        synchronized (OneApplicationAtATime.class) {
            if (running != null && running.hasApplicationContext()) {
                log.info("Closing the running application (its last test class: {}) to start another",
                        running.getTestClass().getSimpleName());
                running.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            }
            running = null;
        }
    }
}
