package org.imrflow.casefile;

import java.util.Map;
import java.util.stream.Collectors;
import org.imrflow.security.Actor;
import org.imrflow.web.PageController;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The process map (where the open cases stand, for the staff who see every case) and the process models' XML that
 * the diagrams of the case page and the map draw, for signed-in users only.
 */
@PageController
class ProcessPathController {

    private final CasePaths paths;
    private final DiagramJson json;

    ProcessPathController(CasePaths paths, DiagramJson json) {
        this.paths = paths;
        this.json = json;
    }

    @GetMapping("/process-map")
    String map(Model model) {
        ProcessMap map = paths.map(Actor.current());
        model.addAttribute("processMap", map);
        Map<String, Long> counts = map.rows().stream()
                .collect(Collectors.toMap(ProcessMap.Row::elementId, ProcessMap.Row::openCases));
        model.addAttribute("processMapJson", json.of(Map.of("mode", "map", "counts", counts)));
        return "cases/process-map";
    }

    @GetMapping("/process-models/{processId}.bpmn")
    ResponseEntity<byte[]> model(@PathVariable String processId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "xml", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(paths.model(processId));
    }
}
