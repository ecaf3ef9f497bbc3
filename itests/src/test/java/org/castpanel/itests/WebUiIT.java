/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

/**
 * The web UI: served at / with a history fallback, and driven in a real browser (Debian's
 * chromium through playwright-core, browser/ui.test.mjs) through login, plan, reseller, customer,
 * the service wizard and a live start, with axe-core on the main pages. Screenshots land in
 * target/screenshots.
 */
@WithPanel("h2")
class WebUiIT {

    @Test
    void theAppIsServedAtTheRootWithAHistoryFallback(Panel panel) throws IOException {
        String root = panel.api().base().replace("/api/v1", "");
        HttpURLConnection index = open(root + "/services/42");
        assertEquals(200, index.getResponseCode());
        assertTrue(index.getContentType().startsWith("text/html"));
        assertTrue(read(index).contains("<div id=\"app\">"), "a deep link gets the app");
        assertEquals("nosniff", index.getHeaderField("X-Content-Type-Options"));
        assertEquals(404, open(root + "/assets/missing.js").getResponseCode(), "a missing asset is not the app");
        int traversal = open(root + "/..%2F..%2Fetc/passwd.txt").getResponseCode();
        assertTrue(traversal == 400 || traversal == 404, "a path out of the app is refused: " + traversal);
        assertEquals(200, open(root + "/api/v1/health").getResponseCode(), "the API keeps its prefix");
    }

    @Test
    void administratorResellerAndCustomerUseThePanelInABrowser(Panel panel) throws Exception {
        String root = panel.api().base().replace("/api/v1", "");
        // the browser tests attach an AutoDJ: the test engine's source type stands in until a real one ships
        org.castpanel.itests.support.Engines.ensureTestEngine(panel, "test-autodj");
        // a Wowza server for the engines page and a Wowza service (the simulator: Wowza is proprietary)
        Path wowzaDir = Files.createTempDirectory("castpanel-ui-wowza-");
        int wowzaRest = Panel.freePorts(1)[0];
        org.castpanel.simulator.wowza.WowzaServer wowza =
                org.castpanel.simulator.wowza.WowzaServer.start(org.castpanel.simulator.wowza.WowzaServer.Options.of(
                        wowzaDir,
                        wowzaRest,
                        panel.wowzaRtmpPort(),
                        panel.wowzaHlsPort(),
                        Panel.freePorts(1)[0],
                        "ui-wowza",
                        "ui-wowza-pass",
                        false));
        Path flussonicDir = Files.createTempDirectory("castpanel-ui-flussonic-");
        org.castpanel.simulator.flussonic.FlussonicServer flussonic =
                org.castpanel.simulator.flussonic.FlussonicServer.start(
                        org.castpanel.simulator.flussonic.FlussonicServer.Options.of(
                                flussonicDir,
                                panel.flussonicHttpPort(),
                                panel.flussonicRtmpPort(),
                                Panel.freePorts(1)[0],
                                "ui-flussonic",
                                "ui-flussonic-pass"));
        try {
            runBrowserTests(
                    panel, root, "http://127.0.0.1:" + wowzaRest, "http://127.0.0.1:" + panel.flussonicHttpPort());
        } finally {
            flussonic.close();
            try (java.util.stream.Stream<Path> files = Files.walk(flussonicDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
            wowza.close();
            try (java.util.stream.Stream<Path> files = Files.walk(wowzaDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void runBrowserTests(Panel panel, String root, String wowzaUrl, String flussonicUrl)
            throws Exception {
        Path tests = Path.of(System.getProperty("castpanel.browser.tests"));
        Path log = Files.createTempFile("castpanel-browser-", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "ui.test.mjs")
                .directory(tests.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", root);
        node.environment().put("ADMIN_PASSWORD", Panel.ADMIN_PASSWORD);
        node.environment().put("WOWZA_URL", wowzaUrl);
        node.environment().put("FLUSSONIC_URL", flussonicUrl);
        node.environment().put("SCREENSHOTS", System.getProperty("castpanel.screenshots"));
        Process process = node.start();
        try {
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            String output = Files.readString(log);
            System.out.println(output);
            assertTrue(done, "the browser tests finished within 5 minutes:\n" + output);
            assertEquals(0, process.exitValue(), "browser tests failed:\n" + output);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static HttpURLConnection open(String url) throws IOException {
        return (HttpURLConnection) new URL(url).openConnection();
    }

    private static String read(HttpURLConnection connection) throws IOException {
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
