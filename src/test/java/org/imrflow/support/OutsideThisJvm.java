package org.imrflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class whose applications, engine and database all run outside the tests' JVM, each in a process of its own
 * (the cluster tests). It runs beside the other classes instead of after them ({@code junit-platform.properties}:
 * every other class runs in turn on one thread), and the shared application is not closed for it
 * ({@link OwnApplications}). Most of such a class's time is child JVMs starting and timeouts running out, which
 * leaves the machine's second core idle while the tests in this JVM mostly wait for the application they drive.
 * Such classes run one at a time: together they started nine JVMs at once beside the first class of this JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("the processes of a test outside this JVM")
public @interface OutsideThisJvm {
}
