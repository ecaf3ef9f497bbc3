/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The database a test panel runs on: its embedded H2, or a fresh schema on the real MariaDB. */
public interface Database extends AutoCloseable {

    /** The datasource configuration file's contents, or null to keep the distribution's default (H2). */
    String datasourceConfig();

    String label();

    @Override
    void close();

    static Database h2() {
        return new Database() {
            @Override
            public String datasourceConfig() {
                return null;
            }

            @Override
            public String label() {
                return "H2";
            }

            @Override
            public void close() {}
        };
    }

    /**
     * A database of its own on the MariaDB at 127.0.0.1:3306 (root, empty password), dropped on
     * close. {@code ./castpanel test} makes sure that server runs.
     */
    static Database mariaDb() {
        String name =
                "castpanel_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:mariadb://127.0.0.1:3306/";
        run(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new Database() {
            @Override
            public String datasourceConfig() {
                return mariaDbConfig(3306, name);
            }

            @Override
            public String label() {
                return "MariaDB (" + name + ")";
            }

            @Override
            public void close() {
                run(admin, "DROP DATABASE IF EXISTS " + name);
            }
        };
    }

    /** The datasource file for database {@code name} of the MariaDB on 127.0.0.1:{@code port} (root, no password). */
    public static String mariaDbConfig(int port, String name) {
        return String.join(
                "\n",
                "dataSourceName = castpanel",
                "osgi.jdbc.driver.class = org.mariadb.jdbc.Driver",
                "url = jdbc:mariadb://127.0.0.1:" + port + "/" + name + "?useMysqlMetadata=true",
                "user = root",
                "password = ",
                "pool = hikari",
                "xa = false",
                "hikari.maximumPoolSize = 10",
                "hikari.connectionTimeout = 3000",
                "hikari.validationTimeout = 2000",
                "hikari.transactionIsolation = TRANSACTION_READ_COMMITTED",
                "");
    }

    private static void run(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "root", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at 127.0.0.1:3306 is needed for this test: " + e.getMessage(), e);
        }
    }
}
