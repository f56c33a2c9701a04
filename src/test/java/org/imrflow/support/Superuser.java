package org.imrflow.support;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded PostgreSQL as its superuser {@code postgres}, which owns the tables, with the password the application
 * generated in its data directory: what someone who holds the database could do, which the application's own role
 * cannot. Connections of their own, outside the application's pool and transactions.
 */
public record Superuser(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions) {

    static Superuser of(DataSource application, Path dataDir) {
        String url = ((HikariDataSource) application).getJdbcUrl();
        DriverManagerDataSource superuser = new DriverManagerDataSource(url, "postgres", password(dataDir, "postgres"));
        return new Superuser(superuser, JdbcClient.create(superuser),
                new TransactionTemplate(new DataSourceTransactionManager(superuser)));
    }

    public static String password(Path dataDir, String role) {
        try {
            return Files.readString(dataDir.resolve("secrets").resolve(role + ".password")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
