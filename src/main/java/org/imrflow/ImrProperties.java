package org.imrflow;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The application's own settings ({@code imr.*}).
 *
 * @param mode         {@code embedded} (in-JVM engine and PostgreSQL) or {@code cluster} (external ones)
 * @param dataDir      where the embedded PostgreSQL keeps its data
 * @param engine       the embedded engine, and how long cluster mode waits for its engine at start-up
 * @param organization the independent review organization named in letters
 * @param letters      the wording of the letters
 * @param demo         demo users and reviewers (embedded mode only)
 */
@Validated
@ConfigurationProperties("imr")
public record ImrProperties(
        @DefaultValue("embedded") Mode mode,
        @DefaultValue("./data") String dataDir,
        @DefaultValue Engine engine,
        @DefaultValue Organization organization,
        @DefaultValue Letters letters,
        @DefaultValue Demo demo) {

    public enum Mode { EMBEDDED, CLUSTER }

    /**
     * @param port        the embedded engine's gRPC port
     * @param startupWait cluster mode: how long the start waits for the engine to answer before it is refused
     * @param logRetained the embedded engine's log: above this size, what the engine has processed is dropped
     */
    public record Engine(@DefaultValue("26500") int port, @DefaultValue("PT60S") Duration startupWait,
                         @DefaultValue(Engine.LOG_RETAINED) DataSize logRetained) {

        /** The default of {@code logRetained}, also for the tests' stand-alone engines and the engine reference. */
        public static final String LOG_RETAINED = "64MB";

        public long logRetainedBytes() {
            return logRetained.toBytes();
        }
    }

    public record Organization(@NotBlank @DefaultValue("Golden State Medical Review") String name,
                               @NotBlank @DefaultValue("GSMR") String shortName,
                               @NotBlank @DefaultValue("P.O. Box 2000, Sacramento, CA 95812") String address,
                               @NotEmpty @DefaultValue({"Medical Director", "Golden State Medical Review"})
                               List<@NotBlank String> signature) {}

    /**
     * @param templateVersion the wording new letters are issued with: one of the versions of
     *                        {@code LetterTemplateVersions}; the application refuses to start with another
     */
    public record Letters(@NotBlank @DefaultValue("2016") String templateVersion) {}

    public record Demo(@DefaultValue("true") boolean enabled) {}

    public boolean embedded() {
        return mode == Mode.EMBEDDED;
    }
}
