package org.imrflow.support;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.net.URI;
import java.time.Duration;
import org.imrflow.cluster.StandaloneEngine;

/**
 * An embedded engine with decision tables of {@code bpmn/} deployed, for testing a table as the application
 * evaluates it: through the Camunda client, on the engine.
 */
public final class DecisionEngine implements AutoCloseable {

    private final ZeebeTestEngine engine;
    private final CamundaClient client;

    private DecisionEngine(ZeebeTestEngine engine, CamundaClient client) {
        this.engine = engine;
        this.client = client;
    }

    /** Starts an engine and deploys the resources, class-path names such as "bpmn/eligibility-screening.dmn". */
    public static DecisionEngine with(String... resources) {
        int port = ApplicationIT.freePort();
        ZeebeTestEngine engine = StandaloneEngine.create(port);
        engine.start();
        CamundaClient client = CamundaClient.newClientBuilder().grpcAddress(URI.create("http://127.0.0.1:" + port))
                // as the application's camunda.client.request-timeout: the first deployment on a busy machine takes
                // longer than the client's default 10 s
                .preferRestOverGrpc(false).defaultRequestTimeout(Duration.ofSeconds(60)).build();
        for (String resource : resources) {
            client.newDeployResourceCommand().addResourceFromClasspath(resource).send().join();
        }
        return new DecisionEngine(engine, client);
    }

    public CamundaClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        engine.stop();
    }
}
