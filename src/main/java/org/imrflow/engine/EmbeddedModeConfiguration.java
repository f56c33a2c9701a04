package org.imrflow.engine;

import org.imrflow.ImrProperties;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default mode: the Zeebe engine runs in this JVM and PostgreSQL runs from embedded binaries, so the
 * application needs nothing installed but a JDK. The only class that knows the engine is embedded, beside
 * {@link EngineRebuild}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedModeConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ImrProperties properties) {
        return EmbeddedPostgresLauncher.start(Path.of(properties.dataDir()).toAbsolutePath().normalize());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("imrflow");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    @Bean(destroyMethod = "stop")
    ZeebeTestEngine zeebeEngine(ImrProperties properties) {
        ZeebeTestEngine engine = EngineFactory.create(properties.engine().port());
        engine.start();
        return engine;
    }

    /** The client must start after the engine and close before it. */
    @Bean
    static BeanFactoryPostProcessor camundaClientDependsOnEngine() {
        return beanFactory -> {
            if (beanFactory.containsBeanDefinition("camundaClient")) {
                beanFactory.getBeanDefinition("camundaClient").setDependsOn("zeebeEngine");
            }
        };
    }

    @Bean
    EngineClock engineClock(ZeebeTestEngine engine) {
        return engine::increaseTime;
    }

    @Bean
    EngineLifetime engineLifetime() {
        return EngineLifetime.newEmbedded();
    }
}
