package org.imrflow.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded PostgreSQL's passwords, one file per role in {@code <imr.data-dir>/secrets/} ({@code postgres.password},
 * {@code imr_app.password}): generated at random (256 bits) the first time, readable and writable by the owner of
 * the files only (directory 700, files 600), and kept: they are set on the roles at every start.
 */
final class EmbeddedPostgresSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;

    EmbeddedPostgresSecrets(Path directory) {
        this.directory = directory;
    }

    /** The superuser's password, if one was generated before: the server then asks for it. */
    Optional<String> existingOwnerPassword() {
        Path file = file(EmbeddedPostgresServer.OWNER);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("The password in " + file + " cannot be read", e);
        }
    }

    String ownerPassword() {
        return password(EmbeddedPostgresServer.OWNER);
    }

    String appPassword() {
        return password(EmbeddedPostgresServer.APP_ROLE);
    }

    Path file(String role) {
        return directory.resolve(role + ".password");
    }

    /**
     * POSIX permissions for the owner only, where the file system has them; none elsewhere (Windows), where the files
     * inherit the access control list of the data directory, by default its user's.
     */
    private FileAttribute<?>[] ownerOnly(String permissions) {
        if (!POSIX) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))};
    }

    /** The role's password, generated and written (600, atomically) if there is none yet. */
    private synchronized String password(String role) {
        Path file = file(role);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, ownerOnly("rwx------"));
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Path written = Files.createTempFile(directory, role, ".tmp", ownerOnly("rw-------"));
            Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("The password in " + file + " cannot be read or written", e);
        }
    }
}
