package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imrflow.StartupRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first administrator's password, from the environment or from a file such as a Docker secret. */
class InitialAdminPropertiesTest {

    private static final String PASSWORD = "a long first password ";

    @TempDir
    Path directory;

    @Test
    void aPasswordFileIsReadWithoutItsTrailingLineBreak() throws IOException {
        assertThat(fromFile(PASSWORD + "\n").resolvePassword()).isEqualTo(PASSWORD);
        assertThat(fromFile(PASSWORD + "\r\n").resolvePassword()).isEqualTo(PASSWORD);
        assertThat(fromFile(PASSWORD).resolvePassword()).as("no line break").isEqualTo(PASSWORD);
        assertThat(fromFile(PASSWORD + "\n").passwordSet()).isTrue();
    }

    @Test
    void aPasswordFromTheEnvironmentOrNone() {
        assertThat(new InitialAdminProperties("admin", PASSWORD).resolvePassword()).isEqualTo(PASSWORD);
        assertThat(new InitialAdminProperties("admin", null).resolvePassword()).isNull();
        assertThat(new InitialAdminProperties("admin", "").passwordSet()).isFalse();
    }

    @Test
    void anUnreadableFileOrTwoPasswordsRefuseTheStartWithoutSayingThePassword() throws IOException {
        Path missing = directory.resolve("missing");
        assertThatExceptionOfType(StartupRefusal.class)
                .isThrownBy(() -> new InitialAdminProperties("admin", null, missing).resolvePassword())
                .withMessageContaining(missing.toString()).withMessageContaining("IMR_ADMIN_PASSWORD_FILE")
                .satisfies(e -> assertThat(e.action()).contains("IMR_ADMIN_PASSWORD_FILE"));
        Path file = Files.writeString(directory.resolve("both"), PASSWORD);
        assertThatExceptionOfType(StartupRefusal.class)
                .isThrownBy(() -> new InitialAdminProperties("admin", "another password", file).resolvePassword())
                .withMessageNotContaining("another password").withMessageNotContaining(PASSWORD)
                .satisfies(e -> assertThat(e.action()).contains("IMR_ADMIN_PASSWORD_FILE", "IMR_ADMIN_PASSWORD"));
        assertThat(new InitialAdminProperties("admin", "another password", file).toString())
                .doesNotContain("another password").doesNotContain(PASSWORD);
    }

    private InitialAdminProperties fromFile(String content) throws IOException {
        Path file = Files.createTempFile(directory, "admin", ".password");
        Files.writeString(file, content);
        return new InitialAdminProperties("admin", null, file);
    }
}
