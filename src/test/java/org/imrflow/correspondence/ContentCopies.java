package org.imrflow.correspondence;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Copies a content record with one field changed, through its canonical constructor, so a test can check
 * every field's validation without spelling out a constructor call of seventeen arguments per field.
 */
final class ContentCopies {

    private ContentCopies() {
    }

    /**
     * Asserts that the record refuses each of its fields missing (null) and, for text and lists, blank or empty,
     * naming the field; {@code optional} fields are left out.
     */
    static void assertEveryFieldRequired(Record record, String... optional) {
        List<String> skipped = List.of(optional);
        for (RecordComponent field : record.getClass().getRecordComponents()) {
            if (skipped.contains(field.getName())) {
                continue;
            }
            assertThatThrownBy(() -> with(record, field.getName(), null)).as(field.getName())
                    .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class)
                    .hasMessageContaining(field.getName());
            Object empty = field.getType() == String.class ? " " : field.getType() == List.class ? List.of() : null;
            if (empty != null) {
                assertThatIllegalArgumentException().as(field.getName())
                        .isThrownBy(() -> with(record, field.getName(), empty))
                        .withMessageContaining(field.getName());
            }
        }
    }

    static <R extends Record> R with(R record, String field, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                found |= components[i].getName().equals(field);
                values[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(record);
            }
            if (!found) {
                throw new IllegalStateException(record.getClass().getSimpleName() + " has no field " + field);
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            @SuppressWarnings("unchecked")
            R copy = (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
            return copy;
        } catch (InvocationTargetException e) {
            // the constructor's own refusal is what the tests are about: hand it over unwrapped
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("could not copy " + record.getClass().getSimpleName(), e);
        }
    }
}
