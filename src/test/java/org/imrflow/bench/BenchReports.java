package org.imrflow.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Where the benches write their tables and the figures one bench hands to the next ({@code target/bench/}). */
final class BenchReports {

    static final Path DIR = Path.of("target", "bench");

    private BenchReports() {
    }

    /** Prints the table and writes it to {@code target/bench/<name>.md}. */
    static void write(String name, String markdown) throws IOException {
        System.out.println(markdown);
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve(name + ".md"), markdown);
    }

    /** Figures for the next bench, in {@code target/bench/<name>.properties}. */
    static void writeFigures(String name, Properties figures) throws IOException {
        Files.createDirectories(DIR);
        try (Writer out = Files.newBufferedWriter(DIR.resolve(name + ".properties"))) {
            figures.store(out, "written by " + name);
        }
    }

    /** The figures an earlier bench wrote, empty if it did not run. */
    static Properties readFigures(String name) {
        Properties figures = new Properties();
        Path file = DIR.resolve(name + ".properties");
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                figures.load(in);
            } catch (IOException e) {
                // no figures
            }
        }
        return figures;
    }

    /** A comma-separated list of whole numbers from a system property ({@code -Dbench.clients=1,8}). */
    static List<Integer> integers(String property, String defaults) {
        List<Integer> values = new ArrayList<>();
        for (String value : System.getProperty(property, defaults).split(",")) {
            if (!value.isBlank()) {
                values.add(Integer.parseInt(value.strip()));
            }
        }
        return values;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
