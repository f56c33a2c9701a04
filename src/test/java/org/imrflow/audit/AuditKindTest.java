package org.imrflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of kinds, the codes the code base records and the words for them, in step: every code recorded
 * anywhere ({@code audit.record("CODE", ...)}, {@code audit.recordAs(who, "CODE", ...)}) is a kind, and every
 * kind and group has its words, so that no page shows a raw code.
 */
class AuditKindTest {

    /** A call recording an entry, with its code as a literal among its first two arguments. */
    private static final Pattern RECORDED = Pattern.compile(
            "\\.record(?:As)?\\(\\s*(?:[^,()\"]+(?:\\([^()]*\\))?\\s*,\\s*|\"[a-z]+\"\\s*,\\s*)?\"([A-Z][A-Z_]+)\"");

    @Test
    void everyCodeTheCodeBaseRecordsIsAKind() throws IOException {
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RECORDED.matcher(Files.readString(source));
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        assertThat(recorded).as("codes recorded").hasSizeGreaterThan(60)
                .contains("CASE_CREATED", "LOGIN_FAILED_UNKNOWN_USER", "LOGIN_ADDRESS_LOCKED", "TASK_FORM_VIEWED");
        Set<String> kinds = Arrays.stream(AuditKind.values()).map(AuditKind::code).collect(Collectors.toSet());
        assertThat(kinds).containsAll(recorded);
    }

    @Test
    void everyKindAndGroupHasItsWords() throws IOException {
        Properties messages = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages.properties"),
                StandardCharsets.UTF_8)) {
            messages.load(reader);
        }
        for (AuditKind kind : AuditKind.values()) {
            assertThat(messages.getProperty("audit.action." + kind.code())).as(kind.code()).isNotBlank()
                    .doesNotContain("_");
        }
        for (AuditKind.Group group : AuditKind.Group.values()) {
            assertThat(messages.getProperty("audit.group." + group.name())).as(group.name()).isNotBlank();
        }
    }

    @Test
    void aCodeWithoutWordsStillReadsAsWords() {
        assertThat(AuditWords.fallback("CASE_DATA_CORRECTED")).isEqualTo("Case data corrected");
        assertThat(AuditWords.fallback("")).isEmpty();
    }
}
