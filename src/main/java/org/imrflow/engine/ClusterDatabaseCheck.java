package org.imrflow.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.imrflow.StartupRefusal;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Cluster mode, before any bean is made: the external PostgreSQL is configured, and it answers and takes the
 * credentials of the application's role and of the tables' owner (the migrations'). Otherwise the start is refused,
 * naming the setting; never with a password or the URL's parameters.
 */
class ClusterDatabaseCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final int TIMEOUT_SECONDS = 10;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = setting("spring.datasource.url");
        if (url == null) {
            throw new StartupRefusal("Cluster mode needs an external PostgreSQL, and SPRING_DATASOURCE_URL "
                    + "(spring.datasource.url) is not set.", "Set SPRING_DATASOURCE_URL, e.g. "
                    + "jdbc:postgresql://db:5432/imrflow, with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD "
                    + "(the application's role) and SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD (the tables' owner).");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StartupRefusal("SPRING_DATASOURCE_URL (spring.datasource.url) is not a PostgreSQL JDBC URL: "
                    + withoutParameters(url) + ".", "Set SPRING_DATASOURCE_URL to jdbc:postgresql://<host>:<port>/<database>.");
        }
        String username = setting("spring.datasource.username");
        if (username == null) {
            throw new StartupRefusal("Cluster mode needs the application's database role, and SPRING_DATASOURCE_USERNAME "
                    + "(spring.datasource.username) is not set.",
                    "Set SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        }
        connect(url, username, setting("spring.datasource.password"), "SPRING_DATASOURCE_URL",
                "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        String owner = setting("spring.flyway.user");
        if (owner != null) {
            String flywayUrl = setting("spring.flyway.url");
            connect(flywayUrl != null ? flywayUrl : url, owner, setting("spring.flyway.password"),
                    flywayUrl != null ? "SPRING_FLYWAY_URL" : "SPRING_DATASOURCE_URL", "SPRING_FLYWAY_USER",
                    "SPRING_FLYWAY_PASSWORD");
        }
    }

    private void connect(String url, String user, String password, String urlSetting, String userSetting,
                         String passwordSetting) {
        Properties connection = new Properties();
        connection.setProperty("user", user);
        if (password != null) {
            connection.setProperty("password", password);
        }
        connection.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
        connection.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS));
        connection.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS));
        try (Connection ignored = DriverManager.getConnection(url, connection)) {
            // it answers, and takes the credentials
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String where = withoutParameters(url);
            if (state.startsWith("28")) {
                throw new StartupRefusal("PostgreSQL at " + where + " refused the credentials of the role " + user
                        + " (" + userSetting + "): " + e.getMessage(), "Set " + userSetting + " and " + passwordSetting
                        + " to a role of that database and its password.");
            }
            if (state.equals("3D000")) {
                throw new StartupRefusal("The database of " + urlSetting + " does not exist: " + e.getMessage(),
                        "Create the database (docs/configuration.md, Database roles and passwords) or set "
                                + urlSetting + " to one that exists.");
            }
            throw new StartupRefusal("PostgreSQL at " + where + " (" + urlSetting + ") cannot be reached within "
                    + TIMEOUT_SECONDS + " s: " + e.getMessage(), "Start PostgreSQL, or set " + urlSetting
                    + " to the address where it listens.");
        }
    }

    private String setting(String key) {
        String value = environment.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A JDBC URL without its parameters, which may hold a password. */
    static String withoutParameters(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
