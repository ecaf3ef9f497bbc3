/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Http;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The attacks a black-box test of a running panel confirmed, each as it was done (ordinary tools
 * against loopback), and the refusals that must hold from now on. Each test failed before its fix.
 */
@WithPanel("h2")
class AttackSuiteIT {

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    // ---- 1. cross-tenant video hijack ----

    @Test
    void restreamTargetsInsideThisMachineOrItsNetworksAreRefused(Panel panel) {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), panel.admin());
        long service = t.resellerApi()
                .post("/services", Map.of("ownerId", t.customerId(), "engineType", "nginx-rtmp", "maxListeners", 5))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        for (String target : List.of(
                "rtmp://127.0.0.1:" + panel.rtmpPort() + "/live",
                "rtmp://localhost/live",
                "rtmp://[::1]/live",
                "rtmp://10.0.0.5/live",
                "rtmp://169.254.169.254/live",
                "rtmp://0.0.0.0/live")) {
            Api.Reply refused = owner.patch(
                    "/services/" + service, Map.of("config", Map.of("pushUrl1", target, "pushKey1", "service_1")));
            assertEquals(422, refused.status(), target + ": " + refused.raw());
            assertEquals("config.pushUrl1", refused.text("field"));
            assertTrue(refused.text("message").contains("allowedTargetHosts"), refused.raw());
        }
        assertFalse(owner.get("/services/" + service).body().get("config").has("pushUrl1"), "nothing was stored");
        Api.Reply created = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "nginx-rtmp",
                                "config",
                                Map.of("pushUrl1", "rtmp://127.0.0.1/live", "pushKey1", "k")));
        assertEquals(422, created.status(), created.raw());
    }

    /**
     * What the hijack did at its core: a local publisher (the panel's own restreaming ffmpeg, pointed
     * at loopback) published into {@code live/service_<victim>}, which trusted loopback. Now only
     * nginx's relay of a stream the ingest callback let in may publish there.
     */
    @Test
    void nothingButThePanelsRelayPublishesIntoAServicesLiveStream(Panel panel) throws Exception {
        Fixtures.Tenant victimTenant = Fixtures.tenant(panel.api(), panel.admin());
        long victim = victimTenant
                .resellerApi()
                .post(
                        "/services",
                        Map.of("ownerId", victimTenant.customerId(), "engineType", "nginx-rtmp", "maxListeners", 5))
                .expect(201)
                .id();
        Api.As owner = victimTenant.customerApi();
        startAndWait(owner, victim);
        String live = "rtmp://127.0.0.1:" + panel.rtmpPort() + "/live/";
        String hls = "http://127.0.0.1:" + panel.hlsPort() + "/hls/service_" + victim + "/index.m3u8";

        Process hijack = publish(live + "service_" + victim);
        assertTrue(hijack.waitFor(30, TimeUnit.SECONDS) && hijack.exitValue() != 0, "a local publisher is refused");
        Process guessed = publish(
                live + "service_" + victim,
                "-rtmp_tcurl",
                "rtmp://127.0.0.1:" + panel.rtmpPort() + "/live?relay=guess");
        assertTrue(
                guessed.waitFor(30, TimeUnit.SECONDS) && guessed.exitValue() != 0, "a guessed relay token is refused");
        Process madeUp = publish(live + "free-hosting");
        assertTrue(madeUp.waitFor(30, TimeUnit.SECONDS) && madeUp.exitValue() != 0, "a made-up stream name is refused");
        assertEquals(404, Http.status(hls), "nothing reached the victim's HLS");

        // the victim's own encoder goes through ingest and the relay as before
        String key = owner.get("/services/" + victim + "/connection")
                .body()
                .get("streamKey")
                .asText();
        publish("rtmp://127.0.0.1:" + panel.rtmpPort() + "/ingest/" + key);
        Await.until("the victim's own HLS", Duration.ofSeconds(30), () -> Http.status(hls) == 200);
        Process whileLive = publish(live + "service_" + victim);
        assertTrue(
                whileLive.waitFor(30, TimeUnit.SECONDS) && whileLive.exitValue() != 0,
                "a local publisher is refused while the victim is live too");

        Path conf = panel.storage().resolve("engines/nginx-rtmp/nginx.conf");
        assertEquals(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(conf),
                "nginx.conf holds the callback and relay tokens: owner only");
        long delete = owner.post("/services/" + victim + "/actions", Map.of("action", "delete", "confirm", true))
                .expect(202)
                .id();
        Await.until(
                "the service to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED".equals(panel.admin().get("/actions/" + delete).text("status")));
    }

    // ---- refuted before, kept refused: config injection into every engine's files ----

    @Test
    void customerTextReachesIcecastXmlOnlyAsDataAndNginxConfNotAtAll(Panel panel) throws Exception {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), panel.admin());
        String nasty = "</stream-name><source-password>owned</source-password><!-- & ]]> \" ' %s ${x} ; }";
        long service = t.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                t.customerId(),
                                "engineType",
                                "icecast",
                                "maxListeners",
                                5,
                                "mountPoints",
                                3,
                                "config",
                                Map.of(
                                        "streamName",
                                        nasty,
                                        "description",
                                        nasty,
                                        "genre",
                                        nasty.substring(0, 60),
                                        "url",
                                        "https://radio.example/?a=1&b=2")))
                .expect(201)
                .id();
        Api.As owner = t.customerApi();
        Api.Reply markup =
                owner.patch("/services/" + service, Map.of("config", Map.of("url", "https://a.example/</url>")));
        assertEquals(422, markup.status(), "markup is not a URL: " + markup.raw());
        owner.post(
                        "/services/" + service + "/mounts",
                        Map.of("name", "/second", "streamName", nasty, "description", nasty))
                .expect(201);
        Api.Reply badMount = owner.post("/services/" + service + "/mounts", Map.of("name", "/x\"/><mount>"));
        assertTrue(badMount.status() == 422 || badMount.status() == 409, badMount.raw());
        assertEquals(1, owner.get("/services/" + service + "/mounts").body().size(), "nothing was added");
        Api.Reply newline = owner.patch("/services/" + service, Map.of("config", Map.of("genre", "rock\n<x>")));
        assertEquals(422, newline.status(), "control characters are refused: " + newline.raw());
        startAndWait(owner, service);

        Path xml = panel.storage().resolve("services/service_" + service + "/icecast.xml");
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(xml.toFile());
        org.w3c.dom.NodeList names = doc.getElementsByTagName("stream-name");
        assertEquals(2, names.getLength(), "one per mount, no element added");
        for (int i = 0; i < names.getLength(); i++) {
            assertEquals(nasty, names.item(i).getTextContent(), "the text is data, as given");
        }
        assertEquals(1, doc.getElementsByTagName("source-password").getLength(), "no password was injected");
        assertFalse(doc.getElementsByTagName("source-password")
                .item(0)
                .getTextContent()
                .equals("owned"));
        assertEquals(
                "https://radio.example/?a=1&b=2",
                doc.getElementsByTagName("stream-url").item(0).getTextContent());

        // Nginx-RTMP: customer text never reaches nginx.conf; a key that could end a directive is refused
        long video = t.resellerApi()
                .post("/services", Map.of("ownerId", t.customerId(), "engineType", "nginx-rtmp", "maxListeners", 5))
                .expect(201)
                .id();
        startAndWait(owner, video);
        Path conf = panel.storage().resolve("engines/nginx-rtmp/nginx.conf");
        String before = Files.readString(conf);
        Api.Reply key = owner.patch(
                "/services/" + video,
                Map.of(
                        "config",
                        Map.of("pushUrl1", "rtmp://198.51.100.7/live", "pushKey1", "k; } rtmp { server { listen 1")));
        assertEquals(422, key.status(), key.raw());
        assertEquals("config.pushKey1", key.text("field"));
        owner.patch(
                        "/services/" + video,
                        Map.of("config", Map.of("pushUrl1", "rtmp://198.51.100.7/live", "pushKey1", "plain-key_1")))
                .expect(200);
        assertEquals(before, Files.readString(conf), "a service's settings never rewrite nginx.conf");
        for (long id : new long[] {service, video}) {
            long delete = owner.post("/services/" + id + "/actions", Map.of("action", "delete", "confirm", true))
                    .expect(202)
                    .id();
            Await.until(
                    "the service to be deleted",
                    Duration.ofSeconds(30),
                    () -> "SUCCEEDED"
                            .equals(panel.admin().get("/actions/" + delete).text("status")));
        }
    }

    // ---- 2. an API key alone took over its account ----

    @Test
    void anApiKeyCannotChangeThePasswordNorMintKeysAndAResetRevokesKeys(Panel panel) {
        Api api = panel.api();
        Fixtures.Tenant t = Fixtures.tenant(api, panel.admin());
        String me = "/accounts/" + t.customerId();
        t.resellerApi().patch(me, Map.of("apiAccess", true)).expect(200);
        String key = t.customerApi()
                .post(me + "/api-keys", Map.of("label", "billing"))
                .expect(201)
                .text("secret");
        Api.As withKey = api.as(key);

        Api.Reply takeover =
                withKey.patch("/me", Map.of("password", "attacker-pw", "currentPassword", Fixtures.PASSWORD));
        assertEquals(403, takeover.status(), takeover.raw());
        assertEquals(
                403, withKey.post(me + "/api-keys", Map.of("label", "mine now")).status(), "a key cannot mint keys");
        api.login(t.customer(), Fixtures.PASSWORD); // the password is unchanged

        Api.As session = t.customerApi();
        Api.Reply noCurrent = session.patch("/me", Map.of("password", "new-pass-2"));
        assertEquals(422, noCurrent.status(), noCurrent.raw());
        assertEquals("currentPassword", noCurrent.text("field"));
        assertEquals(
                422,
                session.patch("/me", Map.of("password", "new-pass-2", "currentPassword", "wrong-one"))
                        .status());
        api.login(t.customer(), Fixtures.PASSWORD);

        Api.As otherSession = api.login(t.customer(), Fixtures.PASSWORD);
        session.patch("/me", Map.of("password", "new-pass-2", "currentPassword", Fixtures.PASSWORD))
                .expect(200);
        session.get("/me").expect(200);
        assertEquals(401, otherSession.get("/me").status(), "every other session ended");
        withKey.get("/me").expect(200); // the owner's own change keeps its keys

        Api.Reply expiry = session.post(me + "/api-keys", Map.of("label", "short", "expiresInDays", 0));
        assertEquals(422, expiry.status(), expiry.raw());
        assertEquals("expiresInDays", expiry.text("field"));
        JsonNode shortKey = session.post(me + "/api-keys", Map.of("label", "short", "expiresInDays", 2))
                .expect(201)
                .body();
        Instant expires = Instant.parse(shortKey.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofDays(1)))
                && expires.isBefore(Instant.now().plus(Duration.ofDays(3))));

        t.resellerApi()
                .post(me + "/password", Map.of("password", "reset-pass-3"))
                .expect(200);
        assertEquals(401, withKey.get("/me").status(), "a reset by someone else revokes the keys");
        assertEquals(401, session.get("/me").status(), "and ends the sessions");
        assertEquals(
                0,
                api.login(t.customer(), "reset-pass-3")
                        .get(me + "/api-keys")
                        .body()
                        .size());
    }

    // ---- 3. access outlived its revocation ----

    @Test
    void impersonationEndsWithTheImpersonatorAndCannotMintKeys(Panel panel) {
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        JsonNode opened = t.resellerApi()
                .post("/accounts/" + t.customerId() + "/impersonate", null)
                .expect(200)
                .body();
        Instant expires = Instant.parse(opened.get("expiresAt").asText());
        assertTrue(expires.isBefore(Instant.now().plus(Duration.ofMinutes(61))), "a short session: " + expires);
        Api.As as = panel.api().as(opened.get("token").asText());
        as.get("/me").expect(200);
        assertEquals(
                403,
                as.post("/accounts/" + t.customerId() + "/api-keys", Map.of("label", "lasting"))
                        .status());
        assertEquals(
                403,
                as.patch("/me", Map.of("password", "x-pass-4", "currentPassword", Fixtures.PASSWORD))
                        .status());

        admin.post("/accounts/" + t.resellerId() + "/disable", null).expect(200);
        assertEquals(401, as.get("/me").status(), "the impersonator is disabled: its session as the customer ends");
        admin.post("/accounts/" + t.resellerId() + "/enable", null).expect(200);
        assertEquals(401, as.get("/me").status(), "and stays ended");
    }

    @Test
    void anOpenEventStreamClosesOnLogoutAndOnDisable(Panel panel) throws Exception {
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        try (InputStream stream = events(panel, t.customerApi().token())) {
            readUntil(stream, "hello");
            t.customerApi().post("/auth/logout", null);
            assertTrue(closesWithin(stream, Duration.ofSeconds(15)), "the stream ended after logout");
        }
        Api.As again = panel.api().login(t.customer(), Fixtures.PASSWORD);
        try (InputStream stream = events(panel, again.token())) {
            readUntil(stream, "hello");
            admin.post("/accounts/" + t.customerId() + "/disable", null).expect(200);
            assertTrue(closesWithin(stream, Duration.ofSeconds(15)), "the stream ended when the account was disabled");
        }
    }

    // ---- 4. login under attack ----

    @Test
    void parallelGuessesAreAllCountedAndNeverAnswer500(Panel panel) throws Exception {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), panel.admin());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> panel.api()
                        .anonymous()
                        .post("/auth/login", Map.of("username", t.customer(), "password", "guess"))
                        .status()));
            }
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                assertTrue(status == 401 || status == 423, "a guess answered " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        Api.Reply right = panel.api()
                .anonymous()
                .post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD));
        assertEquals(423, right.status(), "16 parallel guesses locked this address out: " + right.raw());
        // the account holder elsewhere still gets in: a guesser cannot lock anyone out from afar
        assertEquals(200, loginFrom("127.0.0.5", panel, t.customer(), Fixtures.PASSWORD));
    }

    @Test
    void unknownUsernamesAnswerLikeKnownOnes(Panel panel) throws Exception {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), panel.admin());
        String unknown = Fixtures.unique("nobody");
        for (String name : List.of(t.customer(), unknown)) {
            long started = System.nanoTime();
            Api.Reply first =
                    panel.api().anonymous().post("/auth/login", Map.of("username", name, "password", "guess"));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(401, first.status());
            assertEquals("wrong username or password", first.text("message"));
            assertTrue(millis >= 250, name + " answered in " + millis + " ms, before the failure delay");
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(panel.api()
                    .anonymous()
                    .post("/auth/login", Map.of("username", unknown, "password", "g"))
                    .status());
        }
        assertEquals(List.of(401, 401, 401, 423), statuses, "an unknown username locks like a known one");
    }

    @Test
    void anAddressTryingManyUsernamesIsLockedOutWith429(Panel panel) throws Exception {
        String from = "127.0.0.6";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String name = Fixtures.unique("spray");
                answers.add(pool.submit(() -> loginFrom(from, panel, name, "guess")));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(401, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(429, loginFrom(from, panel, "admin", Panel.ADMIN_PASSWORD), "the address is locked out");
        panel.admin().get("/me").expect(200); // from another address, nothing changed
    }

    // ---- 6. plan limits ----

    @Test
    void customersCannotCreateServicesAndLimitsReachingEnginesAreRangeChecked(Panel panel) {
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        Api.Reply own = t.customerApi().post("/services", Map.of("engineType", "icecast", "maxListeners", 10));
        assertEquals(403, own.status(), "a customer's services are set up by its manager: " + own.raw());
        String direct = Fixtures.unique("direct");
        long customer = Fixtures.account(admin, direct, Map.of()).id();
        assertEquals(
                403,
                panel.api()
                        .login(direct, Fixtures.PASSWORD)
                        .post("/services", Map.of("engineType", "icecast", "maxListeners", 2_000_000_000))
                        .status());
        Api.Reply huge = admin.post(
                "/services", Map.of("ownerId", customer, "engineType", "icecast", "maxListeners", 2_000_000_000));
        assertEquals(422, huge.status(), huge.raw());
        assertEquals("maxListeners", huge.text("field"));
        assertEquals(
                0,
                admin.get("/services?ownerId=" + customer).body().get("total").asInt(),
                "nothing was created");
    }

    // ---- 7. what a customer should not see ----

    @Test
    void customersSeeNoPlatformCountsNorOthersAddresses(Panel panel) {
        Api.As admin = panel.admin();
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        for (JsonNode engine : t.customerApi().get("/engines").expect(200).body()) {
            assertTrue(absent(engine, "pluginVersion"), engine.toString());
            assertEquals(0, engine.get("services").asLong(), engine.toString());
        }
        JsonNode asAdmin = admin.get("/engines/icecast").expect(200).body();
        assertFalse(absent(asAdmin, "pluginVersion"), "administrators still see the version");

        admin.patch("/accounts/" + t.customerId(), Map.of("name", "Renamed by admin"))
                .expect(200);
        for (JsonNode entry : t.resellerApi()
                .get("/audit-log?targetId=" + t.customerId())
                .expect(200)
                .body()
                .get("items")) {
            if (entry.get("actorUsername").asText().equals("admin")) {
                assertTrue(absent(entry, "origin"), "an administrator's address is not shown: " + entry);
            }
        }
        JsonNode form = t.resellerApi()
                .get("/services/form?ownerId=" + t.customerId())
                .expect(200)
                .body();
        assertFalse(absent(form, "usage"), "the reseller sees its own plan's usage");
        assertTrue(absent(form.at("/engineTypes/0"), "pluginVersion"));
    }

    // ---- helpers ----

    private void startAndWait(Api.As owner, long service) {
        long start = owner.post("/services/" + service + "/actions", Map.of("action", "start"))
                .expect(202)
                .id();
        Await.until(
                "the service to start",
                Duration.ofSeconds(60),
                () -> "SUCCEEDED".equals(owner.get("/actions/" + start).text("status")));
    }

    private Process publish(String url, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "ffmpeg",
                "-nostdin",
                "-hide_banner",
                "-loglevel",
                "error",
                "-re",
                "-f",
                "lavfi",
                "-i",
                "testsrc=size=320x240:rate=25",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "25",
                "-t",
                "60",
                "-f",
                "flv"));
        command.addAll(List.of(extra));
        command.add(url);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        processes.add(process);
        return process;
    }

    private static InputStream events(Panel panel, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(panel.api().base() + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static void readUntil(InputStream stream, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        int c;
        while ((c = stream.read()) >= 0) {
            seen.append((char) c);
            if (seen.indexOf(text) >= 0) {
                return;
            }
        }
        throw new AssertionError("the stream ended before '" + text + "': " + seen);
    }

    /** Whether the stream reaches its end within the time (reading whatever still comes). */
    private static boolean closesWithin(InputStream stream, Duration timeout) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> ended = reader.submit((Callable<Boolean>) () -> {
                byte[] buffer = new byte[1024];
                while (stream.read(buffer) >= 0) {
                    // keep reading until the server closes
                }
                return true;
            });
            return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } finally {
            reader.shutdownNow();
        }
    }

    /** A login from another loopback address (Java's HTTP client cannot choose its source address). */
    private static int loginFrom(String source, Panel panel, String username, String password) throws IOException {
        URI base = URI.create(panel.api().base());
        String body = Api.JSON.writeValueAsString(Map.of("username", username, "password", password));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + base.getPath()
                            + "/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    /** A field the panel left out or set to null. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }
}
