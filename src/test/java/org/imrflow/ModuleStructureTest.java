package org.imrflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The domain modules (one direct subpackage of {@code org.imrflow} each) depend on each other only through
 * their public API, without cycles. The test also writes the module documentation into {@code docs/modules}.
 */
class ModuleStructureTest {

    private static final Path DOCS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(ImrflowApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                Files.write(diagram, withRelationsSorted(Files.readAllLines(diagram)));
            }
        }
    }

    /** The Documenter lists relations in no stable order: sorted, the committed diagrams change only with the code. */
    private static List<String> withRelationsSorted(List<String> lines) {
        List<String> sorted = new ArrayList<>(lines);
        int start = -1;
        for (int i = 0; i <= sorted.size(); i++) {
            boolean relation = i < sorted.size() && sorted.get(i).startsWith("Rel(");
            if (relation && start < 0) {
                start = i;
            } else if (!relation && start >= 0) {
                sorted.subList(start, i).sort(null);
                start = -1;
            }
        }
        return sorted;
    }
}
