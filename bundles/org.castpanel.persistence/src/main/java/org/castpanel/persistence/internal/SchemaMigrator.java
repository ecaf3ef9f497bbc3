/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.internal;

import java.sql.Connection;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the database schema up to date with Liquibase whenever CastPanel's data source appears,
 * then registers the same data source again as {@code castpanel-migrated}: the JPA unit points at
 * that name, so it never starts against an old schema. Changing the data source configuration
 * (say, H2 to MariaDB) unregisters both and runs the migrations against the new database.
 */
@Component(immediate = true)
public class SchemaMigrator {

    static final String CHANGELOG = "org/castpanel/persistence/db/changelog.xml";
    static final String MIGRATED_NAME = "castpanel-migrated";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final ServiceRegistration<DataSource> registration;

    @Activate
    public SchemaMigrator(
            final BundleContext context,
            final @Reference(target = "(osgi.jndi.service.name=castpanel)") DataSource dataSource)
            throws Exception {
        migrate(dataSource);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jndi.service.name", MIGRATED_NAME);
        registration = context.registerService(DataSource.class, dataSource, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    /** Public for the in-memory database of the tests; the package is not exported. */
    public static void migrate(DataSource dataSource) throws Exception {
        ClassLoader bundleLoader = SchemaMigrator.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its extensions and the changelog through the context class loader
        thread.setContextClassLoader(bundleLoader);
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            String product = database.getDatabaseProductName();
            try (Liquibase liquibase =
                    new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(bundleLoader), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            LOG.info("Database schema is current on {} ({} ms)", product, (System.nanoTime() - started) / 1_000_000);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
