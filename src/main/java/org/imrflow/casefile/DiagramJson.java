package org.imrflow.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The data a diagram's script draws, as JSON to put into the page ({@code <script type="application/json">}): the
 * Content-Security-Policy allows no inline script, and the API's HTTP Basic is not the pages' session. The characters
 * that could end the element early are escaped.
 */
@Component
class DiagramJson {

    private final ObjectMapper json;

    DiagramJson(ObjectMapper json) {
        this.json = json;
    }

    String of(Object data) {
        try {
            return json.writeValueAsString(data)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The diagram's data cannot be written as JSON", e);
        }
    }
}
