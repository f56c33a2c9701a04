package org.imrflow.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names the process models give their user tasks ("Review case"): jobs carry only the element id. An element
 * id that two models share (a panel reviewer's "Review case" and the case's own) names the same task.
 */
@Component
class ProcessModelNames {

    private final Map<String, String> names = new HashMap<>();

    ProcessModelNames() {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:/bpmn/*.bpmn")) {
                try (InputStream model = resource.getInputStream()) {
                    BpmnModelInstance instance = Bpmn.readModelFromStream(model);
                    for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                        names.put(task.getId(), task.getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The process models cannot be read", e);
        }
    }

    String nameOf(String elementId) {
        return names.getOrDefault(elementId, elementId);
    }
}
