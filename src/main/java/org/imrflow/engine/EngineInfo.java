package org.imrflow.engine;

import java.util.Locale;
import java.util.Map;
import org.imrflow.ImrProperties;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code /actuator/info}: the mode the application runs in and the engine it drives (the build comes with it). */
@Component
class EngineInfo implements InfoContributor {

    private final ImrProperties properties;

    EngineInfo(ImrProperties properties) {
        this.properties = properties;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("mode", properties.mode().name().toLowerCase(Locale.ROOT));
        builder.withDetail("engine", properties.embedded()
                ? Map.of("kind", "embedded Zeebe", "processes", CaseProcess.PROCESS_ID)
                : Map.of("kind", "Camunda 8 cluster", "processes", CaseProcess.PROCESS_ID));
    }
}
