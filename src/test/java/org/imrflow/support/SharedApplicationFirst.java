package org.imrflow.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The order of test classes in a JVM (named in {@code junit-platform.properties}), so that the integration tests start
 * as few applications as they can: first every {@link ApplicationIT} class on the shared configuration, which all run
 * on one application; then those that leave it unfit for others ({@link DirtiesContext}: it is closed after each);
 * then those with properties of their own, each on an application of its own; last the classes that start
 * applications themselves. Alphabetical within each group.
 */
public class SharedApplicationFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SharedApplicationFirst::group)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int group(ClassDescriptor descriptor) {
        Class<?> type = descriptor.getTestClass();
        if (!ApplicationIT.class.isAssignableFrom(type)) {
            return 3;
        }
        if (descriptor.isAnnotated(TestPropertySource.class)) {
            return 2;
        }
        return descriptor.isAnnotated(DirtiesContext.class) ? 1 : 0;
    }
}
