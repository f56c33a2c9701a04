package org.imrflow.tasks;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.imrflow.engine.CaseProcess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The names the process model gives its user tasks ("Review case"): jobs carry only the element id. */
@Component
class ProcessModelNames {

    private final Map<String, String> names = new HashMap<>();

    ProcessModelNames() {
        try (InputStream model = new ClassPathResource("bpmn/" + CaseProcess.PROCESS_ID + ".bpmn").getInputStream()) {
            BpmnModelInstance instance = Bpmn.readModelFromStream(model);
            for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                names.put(task.getId(), task.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The process model cannot be read", e);
        }
    }

    String nameOf(String elementId) {
        return names.getOrDefault(elementId, elementId);
    }
}
