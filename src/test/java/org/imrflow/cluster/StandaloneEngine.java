package org.imrflow.cluster;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.imrflow.ImrProperties;
import org.imrflow.engine.EngineStateStore;
import org.springframework.util.unit.DataSize;

/**
 * The Zeebe engine as a stand-alone gRPC endpoint in a JVM of its own: what a Camunda 8 cluster is to the
 * application in cluster mode, as far as this machine can stand in for one (no container image can be pulled).
 * Runs until its standard input closes (the test that started it ended) or it is killed.
 */
public final class StandaloneEngine {

    public static final String READY = "ENGINE READY";

    private StandaloneEngine() {
    }

    /** The engine the application embeds, with its default settings, its gateway on {@code port}; not started. */
    public static ZeebeTestEngine create(int port) {
        return EmbeddedEngineFactory.create(port, new EngineStateStore(),
                DataSize.parse(ImrProperties.Engine.LOG_RETAINED).toBytes(), new SimpleMeterRegistry());
    }

    public static void main(String[] args) throws Exception {
        ZeebeTestEngine engine = create(Integer.parseInt(args[0]));
        engine.start();
        System.out.println(READY + " " + engine.getGatewayAddress());
        System.out.flush();
        while (System.in.read() != -1) {
            // the parent's end of the pipe stays open while the test runs
        }
        engine.stop();
    }
}
