package org.imrflow.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application's connections to PostgreSQL, in both modes: the pool's timeout and the session's timeouts
 * ({@link DatabaseSettings}), and a warning at start-up when the application connects as a role that could set the
 * audit log's and the letters' protections aside (docs/configuration.md, "Database roles").
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConnections {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConnections.class);

    /** Applies to the application's pool, not to the migrations' connections (which Flyway opens apart). */
    @Bean
    static BeanPostProcessor databaseConnectionLimits(ObjectProvider<DatabaseSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    DatabaseSettings limits = settings.getObject();
                    pool.setConnectionTimeout(limits.connectionTimeout().toMillis());
                    pool.addDataSourceProperty("options", limits.sessionOptions());
                }
                return bean;
            }
        };
    }

    @Bean
    ApplicationRunner databaseRoleCheck(JdbcClient jdbc) {
        return args -> {
            boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                    .query(Boolean.class).single();
            long owned = jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where "
                    + "rolname = current_user) and relnamespace = 'public'::regnamespace").query(Long.class).single();
            if (superuser || owned > 0) {
                log.warn("The application connects to PostgreSQL as a role that {}: it could change or delete audit "
                        + "entries and issued letters. Give Flyway the owner (spring.flyway.user) and the application "
                        + "a role of its own (spring.datasource.username), see docs/configuration.md",
                        superuser ? "is a superuser" : "owns " + owned + " tables, indexes or sequences");
            }
        };
    }
}
