/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

class SchemaMigratorTest {

    /**
     * A database made by 0.1 (one changelog.xml) stays current with the per-area changelogs: none of
     * its change sets runs again, only the new ones do.
     */
    @Test
    void aDatabaseFromBeforeThePerAreaSplitOnlyGetsTheNewChangeSets() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:legacy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Path legacy = Path.of(getClass().getResource("/legacy").toURI());
        try (Connection c = dataSource.getConnection();
                Liquibase old = new Liquibase(
                        SchemaMigrator.CHANGELOG,
                        new DirectoryResourceAccessor(legacy),
                        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
            old.update(new Contexts(), new LabelExpression());
        }
        List<String> before = changeSets(dataSource);
        assertEquals(8, before.size(), before.toString());

        SchemaMigrator.migrate(dataSource);

        List<String> after = changeSets(dataSource);
        assertEquals(before, after.subList(0, before.size()), "the 0.1 change sets kept their identity");
        assertTrue(
                after.subList(before.size(), after.size()).stream().allMatch(id -> id.compareTo("009") >= 0),
                "only change sets newer than 0.1 ran: " + after);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private static List<String> changeSets(JdbcDataSource dataSource) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, FILENAME FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                ids.add(rs.getString(1) + (rs.getString(2).endsWith("db/changelog.xml") ? "" : " @" + rs.getString(2)));
            }
        }
        return ids;
    }
}
