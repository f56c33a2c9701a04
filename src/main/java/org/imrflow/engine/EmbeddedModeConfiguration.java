package org.imrflow.engine;

import org.imrflow.ImrProperties;

import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EmbeddedEngineFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
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
    EmbeddedPostgresServer embeddedPostgres(ImrProperties properties, DatabaseSettings settings) {
        return EmbeddedPostgresServer.start(Path.of(properties.dataDir()).toAbsolutePath().normalize(),
                settings.watchdogInterval());
    }

    /** The application's pool connects as its own role, which owns nothing and may not change history. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.APP_ROLE);
        dataSource.setPassword(postgres.secrets().appPassword());
        dataSource.setPoolName("imrflow");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /**
     * Flyway migrates as the owner of the tables (the superuser), on connections of its own that are closed when it
     * is done; the application's role gets its privileges from the callback {@code afterMigrate.sql}.
     */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer postgres) {
        return configuration -> {
            configuration.dataSource(postgres.jdbcUrl(), EmbeddedPostgresServer.OWNER, postgres.secrets().ownerPassword());
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put("app_role", EmbeddedPostgresServer.APP_ROLE);
            configuration.placeholders(placeholders);
        };
    }

    @Bean(destroyMethod = "stop")
    ZeebeTestEngine zeebeEngine(ImrProperties properties, MeterRegistry meters) {
        ZeebeTestEngine engine = EmbeddedEngineFactory.create(properties.engine().port(), new EngineStateStore(),
                properties.engine().logRetainedBytes(), meters);
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
