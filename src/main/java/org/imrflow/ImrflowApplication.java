package org.imrflow;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * imrflow: case management for California workers' compensation Independent Medical Review.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@Deployment(resources = {"classpath*:/bpmn/*.bpmn", "classpath*:/bpmn/*.dmn", "classpath*:/forms/*.form"})
public class ImrflowApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(ImrflowApplication.class, args);
        } catch (Throwable failure) {
            // the embedded engine keeps a non-daemon timer thread alive: without this a failed start hangs
            System.exit(1);
        }
    }
}
