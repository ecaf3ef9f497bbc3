/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

/** The panel answers over HTTPS with the self-signed certificate it made on its first start. */
@WithPanel("h2")
class HttpsIT {

    @Test
    void httpsAnswersWithTheFirstRunCertificateAndHsts(Panel panel) throws Exception {
        Path tls = panel.home().resolve("etc/tls");
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("keystore.p12"))));
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve("keystore.password"))));
        char[] password =
                Files.readString(tls.resolve("keystore.password")).strip().toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("keystore.p12"))) {
            keys.load(in, password);
        }
        X509Certificate certificate = (X509Certificate) keys.getCertificate("castpanel");
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CastPanel self-signed"));

        // trust exactly that certificate, as an administrator's client would after pinning it
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("castpanel", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).build();

        HttpResponse<String> secure = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + panel.httpsPort() + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                                Map.of("username", "admin", "password", Panel.ADMIN_PASSWORD))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, secure.statusCode(), secure.body());
        assertTrue(
                secure.headers()
                        .firstValue("Strict-Transport-Security")
                        .orElse("")
                        .startsWith("max-age="),
                secure.headers().toString());

        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + panel.httpsPort() + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent(), "the web UI's pages too");

        HttpResponse<String> plain = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(panel.api().base() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, plain.statusCode());
        assertFalse(plain.headers().firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP");
    }

    /**
     * Changing the HTTPS settings while the panel serves must not redeploy the API: a configured
     * JAX-RS extension (its configuration is in its service properties) made the whiteboard rebuild
     * the whole application, and requests in between found no route.
     */
    @Test
    void changingTheHttpsSettingsKeepsTheApiAnswering(Panel panel) throws Exception {
        Path cfg = panel.home().resolve("etc/org.castpanel.http.cfg");
        String original = Files.readString(cfg);
        Api.As admin = panel.admin();
        List<String> failures = new java.util.ArrayList<>();
        HttpClient client = trusting(panel);
        try {
            Files.writeString(cfg, original.replace("hstsMaxAgeSeconds = 31536000", "hstsMaxAgeSeconds = 600"));
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            boolean applied = false;
            while (!applied && System.nanoTime() < deadline) {
                Api.Reply me = admin.get("/me");
                if (me.status() != 200) {
                    failures.add(me.status() + " " + me.raw());
                }
                HttpResponse<String> secure = client.send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + panel.httpsPort() + "/api/v1/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                applied = secure.headers()
                        .firstValue("Strict-Transport-Security")
                        .orElse("")
                        .equals("max-age=600");
            }
            assertTrue(applied, "the new max-age applies without a restart");
            for (int i = 0; i < 50; i++) { // and the API stays routed afterwards
                Api.Reply me = admin.get("/me");
                if (me.status() != 200) {
                    failures.add(me.status() + " " + me.raw());
                }
            }
        } finally {
            Files.writeString(cfg, original);
        }
        assertEquals(List.of(), failures, "the API answered every call while its settings changed");
    }

    private static HttpClient trusting(Panel panel) throws Exception {
        Path tls = panel.home().resolve("etc/tls");
        char[] password =
                Files.readString(tls.resolve("keystore.password")).strip().toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.resolve("keystore.p12"))) {
            keys.load(in, password);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("castpanel", keys.getCertificate("castpanel"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
