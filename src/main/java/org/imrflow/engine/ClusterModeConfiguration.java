package org.imrflow.engine;

import io.camunda.client.CamundaClient;
import org.imrflow.ImrProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cluster mode: an external Camunda 8 orchestration cluster ({@code camunda.client.*}) and an external
 * PostgreSQL ({@code spring.datasource.*}), both configured by Spring Boot. Before anything else is made the database
 * settings are checked and the database is asked whether it takes them ({@link ClusterDatabaseCheck}); once every bean
 * exists, and before the models are deployed, the engine ({@link ClusterEngineCheck}). Either refuses the start with
 * one clear message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "imr.mode", havingValue = "cluster")
class ClusterModeConfiguration {

    @Bean
    static ClusterDatabaseCheck clusterDatabaseCheck() {
        return new ClusterDatabaseCheck();
    }

    @Bean
    SmartInitializingSingleton clusterEngineCheck(CamundaClient client, ImrProperties properties, Environment environment) {
        return new ClusterEngineCheck(client, properties.engine().startupWait(),
                environment.getProperty("camunda.client.grpc-address", "(not set)"))::check;
    }

    @Bean
    EngineLifetime engineLifetime() {
        return EngineLifetime.CLUSTER;
    }
}
