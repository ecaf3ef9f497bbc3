/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;

import org.castpanel.persistence.Store;
import org.castpanel.persistence.internal.JpaStore;
import org.castpanel.persistence.internal.SchemaMigrator;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database with CastPanel's real change sets and JPA mapping, for tests of
 * the middle layer (queue, collector, outbox) without booting Karaf. Each instance is a database
 * of its own; close it to drop it.
 */
public final class InMemoryDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final EntityManagerFactory factory;
    private final Store store;

    public InMemoryDatabase() {
        // kept open between connections until close(); the same URL options as the panel's H2
        dataSource.setURL("jdbc:h2:mem:cp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try {
            SchemaMigrator.migrate(dataSource);
        } catch (Exception e) {
            throw new IllegalStateException("the change sets did not apply to H2", e);
        }
        factory = new PersistenceProvider()
                .createEntityManagerFactory(
                        "castpanel", Map.of(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource));
        store = new JpaStore(factory);
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        factory.close();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
