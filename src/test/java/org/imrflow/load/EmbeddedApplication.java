package org.imrflow.load;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.ImrflowApplication;
import org.imrflow.support.ApplicationIT;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application as {@code ./mvnw spring-boot:run} starts it, in this JVM, on a free HTTP port and a free engine
 * port, on the embedded engine and an embedded PostgreSQL in a data folder of the caller's, logging warnings only:
 * what the load run and the benchmarks drive.
 */
public final class EmbeddedApplication {

    private EmbeddedApplication() {
    }

    /** Starts it on {@code dataDir}, with {@code extraArgs} ({@code --a=b}) added to the settings or replacing them. */
    public static ConfigurableApplicationContext start(String dataDir, List<String> extraArgs) {
        List<String> args = new ArrayList<>();
        for (String setting : List.of("--server.port=0", "--imr.engine.port=" + ApplicationIT.freePort(),
                "--imr.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            String key = setting.substring(0, setting.indexOf('=') + 1);
            if (extraArgs.stream().noneMatch(extra -> extra.startsWith(key))) {
                args.add(setting);
            }
        }
        args.addAll(extraArgs);
        System.out.printf("[harness] starting the application (embedded engine and PostgreSQL) with %s%n", args);
        return SpringApplication.run(ImrflowApplication.class, args.toArray(String[]::new));
    }

    /** Settings from a system property: {@code "--a=b --c=d"}. */
    public static List<String> argsOf(String property) {
        String extra = System.getProperty(property, "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    public static String baseUrl(ConfigurableApplicationContext application) {
        return "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
    }
}
