package org.imrflow.engine;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cluster mode: an external Camunda 8 orchestration cluster ({@code camunda.client.*}) and an external
 * PostgreSQL ({@code spring.datasource.*}), both configured by Spring Boot.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "imr.mode", havingValue = "cluster")
class ClusterModeConfiguration {

    @Bean
    EngineLifetime engineLifetime() {
        return EngineLifetime.CLUSTER;
    }
}
