package org.imrflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A JVM the test starts on its own classpath: a main class, its arguments and environment, its output in a log
 * file under target/cluster-it. Killed like a crashed machine ({@link #kill}: SIGKILL, nothing runs on the way
 * out) or stopped ({@link #stop}).
 */
public final class JvmProcess {

    private final String name;
    private final Path log;
    private final Process process;

    private JvmProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    public static JvmProcess start(String name, String mainClass, List<String> args, Path logs) {
        List<String> command = command(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            // a directory of its own: the project's folders (forms/, data/) are not the instance's
            ProcessBuilder builder = new ProcessBuilder(command).directory(logs.toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new JvmProcess(name, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The command that runs a main class on the test's classpath, in a JVM set as the tests' own (pom.xml's argLine):
     * short runs, on the JIT's first tier and the parallel collector.
     */
    public static List<String> command(String mainClass) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-cp", classPath(), mainClass));
    }

    /** The test's own classpath: the application's classes, the test classes and every dependency. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits until the log holds a line the predicate accepts; fails if the process ends first. */
    public void awaitLog(Predicate<String> line, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (logLines().stream().anyMatch(line)) {
                return;
            }
            ensureAlive();
            pause(200);
        }
        throw new AssertionError(name + " did not get there within " + timeout + "; its log: " + log);
    }

    /** Waits until the URL answers 200; fails if the process ends first. */
    public void awaitOk(String url, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            ensureAlive();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(500);
        }
        throw new AssertionError(name + " did not answer 200 at " + url + " within " + timeout + "; its log: " + log);
    }

    /** Like a machine losing power: SIGKILL, no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    public void stop() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public List<String> logLines() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void ensureAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " ended with " + process.exitValue() + "; its log: " + log);
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
