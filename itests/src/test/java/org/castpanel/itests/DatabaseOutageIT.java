/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Database;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.junit.jupiter.api.Test;

/**
 * The database going away and coming back, on a MariaDB server this test starts itself (not the
 * shared one): requests fail fast with a 503 that says why, /health says the database is down,
 * and when it is back the panel works again without a restart, with everything stored before.
 */
class DatabaseOutageIT {

    /** A MariaDB server of the test's own: its data directory, port and process. */
    static final class OwnMariaDb implements Database {
        final Path dataDir;
        final int port = Panel.freePorts(1)[0];
        private Process server;

        OwnMariaDb() throws Exception {
            dataDir = Files.createTempDirectory("castpanel-it-mariadb-");
            Process install = new ProcessBuilder(
                            "mariadb-install-db",
                            "--no-defaults",
                            "--datadir=" + dataDir,
                            "--user=" + System.getProperty("user.name"),
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db")
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".install.log")
                            .toFile())
                    .start();
            assertTrue(install.waitFor(120, TimeUnit.SECONDS) && install.exitValue() == 0, "mariadb-install-db");
            start();
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE castpanel CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }

        void start() throws Exception {
            server = new ProcessBuilder(
                            "mariadbd",
                            "--no-defaults",
                            "--datadir=" + dataDir,
                            "--port=" + port,
                            "--bind-address=127.0.0.1",
                            "--socket=" + dataDir.resolve("mysqld.sock"),
                            "--pid-file=" + dataDir.resolve("mysqld.pid"),
                            "--user=" + System.getProperty("user.name"),
                            "--skip-log-bin")
                    .redirectErrorStream(true)
                    .redirectOutput(
                            ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log")
                                    .toFile()))
                    .start();
            Await.until("MariaDB on port " + port, Duration.ofSeconds(60), () -> {
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        void stop() throws InterruptedException {
            server.destroy(); // SIGTERM: a clean shutdown, as an operator's restart would do
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "MariaDB stopped");
        }

        @Override
        public String datasourceConfig() {
            return Database.mariaDbConfig(port, "castpanel");
        }

        @Override
        public String label() {
            return "MariaDB (own, port " + port + ")";
        }

        @Override
        public void close() {
            if (server != null) {
                server.destroyForcibly();
            }
            for (Path p : List.of(
                    dataDir.resolveSibling(dataDir.getFileName() + ".log"),
                    dataDir.resolveSibling(dataDir.getFileName() + ".install.log"))) {
                p.toFile().delete();
            }
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // best effort
            }
        }
    }

    private static HttpResponse<String> get(Panel panel, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(panel.api().base() + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void requestsFailFastWhileTheDatabaseIsAwayAndWorkAgainWhenItIsBack() throws Exception {
        try (OwnMariaDb mariadb = new OwnMariaDb();
                Panel panel = Panel.start(mariadb)) {
            Api.As admin = panel.admin();
            String kept = Fixtures.unique("kept");
            long keptId = Fixtures.account(admin, kept, Map.of()).id();
            assertEquals(200, get(panel, "/health").statusCode());

            mariadb.stop();
            long before = System.nanoTime();
            Api.Reply login = panel.api()
                    .anonymous()
                    .post("/auth/login", Map.of("username", kept, "password", Fixtures.PASSWORD));
            long loginMillis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(503, login.status(), login.raw());
            assertEquals("unavailable", login.text("error"));
            assertTrue(login.text("message").contains("database"), login.raw());
            assertTrue(loginMillis < 5_000, "refused within 5 s, took " + loginMillis + " ms");
            System.out.printf("database away: login refused with 503 after %d ms%n", loginMillis);
            String lost = Fixtures.unique("lost");
            Api.Reply write =
                    admin.post("/accounts", Map.of("username", lost, "password", Fixtures.PASSWORD, "name", "Lost"));
            assertEquals(503, write.status(), write.raw());
            Await.until("health to say the database is down", Duration.ofSeconds(5), () -> {
                HttpResponse<String> health = get(panel, "/health");
                return health.statusCode() == 503 && health.body().contains("\"database\":\"down\"");
            });

            mariadb.start();
            Await.until(
                    "health to say the database is back",
                    Duration.ofSeconds(30),
                    () -> get(panel, "/health").statusCode() == 200);
            Api.As again = panel.api().login(kept, Fixtures.PASSWORD);
            assertEquals(keptId, again.get("/me").body().at("/account/id").asLong(), "what was stored before is there");
            assertEquals(
                    0, admin.get("/accounts?q=" + lost).body().get("total").asInt(), "the refused write left nothing");
        }
    }
}
