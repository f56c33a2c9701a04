package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.HandlerRegistry;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.imrflow.cluster.JvmProcess;
import org.imrflow.cluster.StandaloneEngine;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.OutsideThisJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode refuses to start with one clear message naming the setting, Spring Boot's "APPLICATION FAILED TO
 * START" block, and no stack trace: without a database URL, with a database that cannot be reached, with an engine
 * that cannot be reached or is not an engine, with a credential the engine refuses, without a first administrator.
 * With the first administrator's password in a file it starts and creates it. Each start is a JVM of its own, as
 * {@code java -jar} would be; the "cluster" is a PostgreSQL and an in-memory engine in a JVM of its own, started by
 * this test. The refused starts are begun together, before the first test: most of each is a JVM starting or a
 * timeout running out, and they overlap; each test then reads its own.
 */
@OutsideThisJvm
class ClusterModeStartupIT {

    private static final Path WORK = Path.of("target", "cluster-startup-it", UUID.randomUUID().toString());

    private static final String PASSWORD = "the first administrator's secret";
    /**
     * How long a start waits for the engine's answer: short where none comes (or the start fails before), ample where
     * one does, since the starts share the machine's cores.
     */
    private static final String UNANSWERED = "PT3S";
    private static final String ANSWERING = "PT60S";

    private static EmbeddedPostgres postgres;
    private static JvmProcess engine;
    private static int enginePort;
    private static ServerSocket notAnEngine;
    private static Server refusing;
    private static final Map<String, Child> REFUSED = new HashMap<>();

    @BeforeAll
    static void startTheClusterAndTheRefusedStarts() throws IOException {
        enginePort = ApplicationIT.freePort();
        engine = JvmProcess.start("engine", StandaloneEngine.class.getName(), List.of(Integer.toString(enginePort)), WORK);
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres")).setCleanDataDirectory(true)
                .start();
        notAnEngine = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!notAnEngine.isClosed()) {
                try (Socket socket = notAnEngine.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("HTTP/1.0 200 OK\r\n\r\nnot an engine\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed
                }
            }
        });
        refusing = ServerBuilder.forPort(ApplicationIT.freePort()).fallbackHandlerRegistry(new Unauthenticated()).build()
                .start();

        REFUSED.put("no database url", Child.start(List.of(), Map.of(), UNANSWERED));
        REFUSED.put("database unreachable", Child.start(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:"
                + ApplicationIT.freePort() + "/imrflow?password=in-the-url", "--spring.datasource.username=imr_app",
                "--spring.datasource.password=" + PASSWORD), Map.of(), UNANSWERED));
        REFUSED.put("engine unreachable", Child.start(database("--camunda.client.grpc-address=http://127.0.0.1:"
                + ApplicationIT.freePort()), Map.of(), UNANSWERED));
        REFUSED.put("not an engine", Child.start(database("--camunda.client.grpc-address=http://127.0.0.1:"
                + notAnEngine.getLocalPort()), Map.of(), UNANSWERED));
        REFUSED.put("credential refused", Child.start(database("--camunda.client.grpc-address=http://127.0.0.1:"
                + refusing.getPort(), "--camunda.client.auth.method=basic", "--camunda.client.auth.username=imrflow",
                "--camunda.client.auth.password=" + PASSWORD), Map.of(), ANSWERING));
        REFUSED.put("no administrator", Child.start(database("--camunda.client.grpc-address=http://127.0.0.1:"
                + enginePort), Map.of(), ANSWERING));
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        for (Child child : REFUSED.values()) {
            child.stop();
        }
        if (refusing != null) {
            refusing.shutdownNow();
        }
        if (notAnEngine != null) {
            notAnEngine.close();
        }
        if (engine != null) {
            engine.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withoutADatabaseUrl() throws Exception {
        String output = refused("no database url");
        assertThat(output).contains("SPRING_DATASOURCE_URL (spring.datasource.url) is not set", "Set SPRING_DATASOURCE_URL");
    }

    @Test
    void withADatabaseThatCannotBeReached() throws Exception {
        String output = refused("database unreachable");
        assertThat(output).contains("cannot be reached", "SPRING_DATASOURCE_URL").doesNotContain("in-the-url");
    }

    @Test
    void withAnEngineThatCannotBeReached() throws Exception {
        String output = refused("engine unreachable");
        assertThat(output).contains("did not answer within 3 s", "CAMUNDA_CLIENT_GRPC_ADDRESS");
    }

    @Test
    void withSomethingElseThanAnEngineAtItsAddress() throws Exception {
        String output = refused("not an engine");
        assertThat(output).contains("did not answer within 3 s", "CAMUNDA_CLIENT_GRPC_ADDRESS");
    }

    @Test
    void withACredentialTheEngineRefuses() throws Exception {
        String output = refused("credential refused");
        assertThat(output).contains("refused the application's credential", "CAMUNDA_CLIENT_AUTH_USERNAME",
                "CAMUNDA_CLIENT_AUTH_PASSWORD");
    }

    @Test
    void withoutAFirstAdministratorAndThenWithItsPasswordInAFile() throws Exception {
        String output = refused("no administrator");
        assertThat(output).contains("no active administrator", "IMR_ADMIN_PASSWORD_FILE");

        Path secret = Files.createTempFile("admin", ".password");
        Files.writeString(secret, PASSWORD + "\n");
        engine.awaitLog(line -> line.startsWith(StandaloneEngine.READY), Duration.ofMinutes(2));
        Child app = Child.start(database("--camunda.client.grpc-address=http://127.0.0.1:" + enginePort),
                Map.of("IMR_ADMIN_USERNAME", "first-admin", "IMR_ADMIN_PASSWORD_FILE", secret.toString()), ANSWERING);
        try {
            // runners run after "Started ImrflowApplication" is logged: the first administrator is created by one
            app.await("Created the initial administrator");
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 ResultSet admin = connection.createStatement().executeQuery(
                         "select roles, enabled from app_user where username = 'first-admin'")) {
                assertThat(admin.next()).as("the first administrator exists").isTrue();
                assertThat(admin.getString("roles")).isEqualTo("ADMIN");
                assertThat(admin.getBoolean("enabled")).isTrue();
            }
        } finally {
            app.stop();
        }
        assertThat(app.output()).contains("Created the initial administrator 'first-admin'").doesNotContain(PASSWORD);
    }

    private static List<String> database(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** Waits for the refused start begun under this name to end, checks how it refused, and answers its output. */
    private static String refused(String name) throws Exception {
        Child app = REFUSED.get(name);
        int exit = app.waitFor();
        String output = app.output();
        assertThat(exit).as(output).isEqualTo(1);
        int analysis = output.indexOf("APPLICATION FAILED TO START");
        assertThat(analysis).as(output).isNotNegative();
        assertThat(output).as("no stack trace").doesNotContain("\tat ");
        assertThat(output.substring(analysis)).contains("Description:", "Action:");
        assertThat(output.indexOf("APPLICATION FAILED TO START", analysis + 1)).as("reported once").isNegative();
        assertThat(output).doesNotContain(PASSWORD);
        System.out.println(output);
        return output;
    }

    /** A run of the application in a JVM of its own, in cluster mode, on free ports and a fresh data folder. */
    private record Child(Process process, StringBuffer buffer, Thread reader) {

        static Child start(List<String> arguments, Map<String, String> environment, String engineWait)
                throws IOException {
            List<String> command = JvmProcess.command(ImrflowApplication.class.getName());
            command.addAll(List.of("--imr.mode=cluster", "--server.port=" + ApplicationIT.freePort(),
                    "--imr.data-dir=target/it-data/cluster-" + UUID.randomUUID(), "--imr.engine.startup-wait=" + engineWait));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("IMR_") || name.startsWith("SPRING_")
                    || name.startsWith("CAMUNDA_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            StringBuffer buffer = new StringBuffer();
            Thread reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        buffer.append(line).append('\n');
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            return new Child(process, buffer, reader);
        }

        int waitFor() throws InterruptedException {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("The application neither started nor stopped:\n" + buffer);
            }
            reader.join(10_000);
            return process.exitValue();
        }

        void await(String text) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (buffer.indexOf(text) < 0) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("No \"" + text + "\" in:\n" + buffer);
                }
                Thread.sleep(200);
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            reader.join(10_000);
        }

        String output() {
            return buffer.toString();
        }
    }

    /** A gRPC server that answers every call as a cluster does a wrong credential: UNAUTHENTICATED. */
    private static final class Unauthenticated extends HandlerRegistry {

        private static final MethodDescriptor.Marshaller<InputStream> RAW = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(InputStream value) {
                return value;
            }

            @Override
            public InputStream parse(InputStream stream) {
                return stream;
            }
        };

        @Override
        public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<InputStream, InputStream> method = MethodDescriptor.<InputStream, InputStream>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNKNOWN).setFullMethodName(methodName)
                    .setRequestMarshaller(RAW).setResponseMarshaller(RAW).build();
            return ServerMethodDefinition.create(method, (ServerCall<InputStream, InputStream> call, Metadata headers) -> {
                call.close(Status.UNAUTHENTICATED.withDescription("invalid credentials"), new Metadata());
                return new ServerCall.Listener<>() {};
            });
        }
    }
}
