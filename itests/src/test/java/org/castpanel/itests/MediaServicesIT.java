/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Fixtures.Tenant;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Media services on the test engine plugin, deployed into a running panel: limits, the durable
 * queue, misbehaving plugins, the reconciler, delete semantics, ownership, tenancy, plugins
 * leaving and coming back, and kill -9 in the middle of a full queue. The tests run in any order:
 * each makes its own accounts and services, puts back what it switches off, and logs in afresh
 * (the kill -9 test restarts the panel).
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaServicesIT {

    static final Path TEST_ENGINE = org.castpanel.itests.support.Engines.TEST_ENGINE;

    Panel panel;
    Api api;
    Api.As admin;

    @BeforeAll
    void installTestEngine(Panel panel) {
        this.panel = panel;
        this.api = panel.api();
        org.castpanel.itests.support.Engines.ensureTestEngine(panel, "test-audio");
    }

    @BeforeEach
    void logIn() {
        this.admin = panel.admin();
    }

    boolean engineAvailable(String type) {
        return org.castpanel.itests.support.Engines.available(admin, type);
    }

    long createService(Api.As as, Long ownerId, String type, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("engineType", type, "name", Fixtures.unique("station")));
        if (ownerId != null) {
            body.put("ownerId", ownerId);
        }
        body.putAll(extra);
        return as.post("/services", body).expect(201).id();
    }

    long act(Api.As as, long service, String action) {
        return as.post("/services/" + service + "/actions", Map.of("action", action))
                .expect(202)
                .id();
    }

    JsonNode awaitAction(Api.As as, long action, String status) {
        JsonNode[] last = new JsonNode[1];
        Await.until("action " + action + " to be " + status, Duration.ofSeconds(60), () -> {
            last[0] = as.get("/actions/" + action).expect(200).body();
            String now = last[0].get("status").asText();
            if (!now.equals(status) && (now.equals("SUCCEEDED") || now.equals("FAILED"))) {
                throw new AssertionError("action " + action + " ended " + now + ": " + last[0]);
            }
            return now.equals(status);
        });
        return last[0];
    }

    Path serviceDir(long service) {
        return panel.storage().resolve("services/service_" + service);
    }

    List<String> operations(long service) throws IOException {
        Path log = serviceDir(service).resolve("operations.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void aServiceStartsThroughTheQueueAndItsConfigIsEscaped() throws Exception {
        long service = createService(
                admin, null, "test-audio", Map.of("name", "Evil\" name", "config", Map.of("title", "a\"b$c")));
        assertEquals("NEW", admin.get("/services/" + service).text("state"));
        long start = act(admin, service, "start");
        JsonNode done = awaitAction(admin, start, "SUCCEEDED");
        assertEquals(1, done.get("attempts").asInt());
        assertEquals("RUNNING", admin.get("/services/" + service).text("state"));
        JsonNode stats =
                admin.get("/services/" + service + "/stats").expect(200).body();
        assertTrue(stats.at("/current/sample/sourceConnected").asBoolean(), stats.toString());
        assertEquals("Evil\" name", stats.at("/current/sample/nowPlaying").asText());
        Await.until(
                "the collector to store samples",
                Duration.ofSeconds(20),
                () -> admin.get("/services/" + service + "/stats")
                                .body()
                                .at("/history/samples")
                                .size()
                        >= 2);
        String conf = Files.readString(serviceDir(service).resolve("service.conf"));
        assertTrue(conf.contains("name = \"Evil\\\" name\"") && conf.contains("title = \"a\\\"b\\$c\""), conf);

        Api.Reply injected = admin.patch("/services/" + service, Map.of("config", Map.of("title", "x\ninclude evil")));
        assertEquals(422, injected.status());
        assertEquals("config.title", injected.text("field"));
        Api.Reply unknown = admin.patch("/services/" + service, Map.of("config", Map.of("nope", 1)));
        assertEquals("config.nope", unknown.text("field"));

        awaitAction(admin, act(admin, service, "stop"), "SUCCEEDED");
        assertEquals(
                List.of("start", "stop"),
                operations(service).stream().map(l -> l.split(" ")[0]).toList());
    }

    @Test
    void planLimitsAreEnforcedAndNamed() {
        long plan = admin.post(
                        "/reseller-plans",
                        Map.of(
                                "name",
                                Fixtures.unique("svc"),
                                "serverLimit",
                                1,
                                "maxListeners",
                                100,
                                "maxBitrateKbps",
                                128,
                                "allowedEngineTypes",
                                List.of("test-audio")))
                .expect(201)
                .id();
        String reseller = Fixtures.unique("svc-reseller");
        long resellerId = Fixtures.account(admin, reseller, Map.of("resellerPlanId", plan))
                .id();
        Api.As r = api.login(reseller, Fixtures.PASSWORD);
        long customer =
                Fixtures.account(r, Fixtures.unique("svc-customer"), Map.of()).id();

        JsonNode form = r.get("/services/form?ownerId=" + customer).expect(200).body();
        assertEquals(List.of("test-audio"), ids(form.get("engineTypes")));
        assertTrue(form.at("/usage/lines").size() > 0);

        Api.Reply noListeners =
                r.post("/services", Map.of("ownerId", customer, "engineType", "test-audio", "maxBitrateKbps", 128));
        assertEquals(422, noListeners.status());
        assertEquals("maxListeners", noListeners.text("field"));
        Api.Reply tooMany = r.post(
                "/services",
                Map.of("ownerId", customer, "engineType", "test-audio", "maxListeners", 101, "maxBitrateKbps", 128));
        assertEquals("maxListeners", tooMany.text("field"));
        Api.Reply bitrate = r.post(
                "/services",
                Map.of("ownerId", customer, "engineType", "test-audio", "maxListeners", 10, "maxBitrateKbps", 320));
        assertEquals("maxBitrateKbps", bitrate.text("field"));
        Api.Reply video = r.post(
                "/services",
                Map.of("ownerId", customer, "engineType", "test-video", "maxListeners", 10, "maxBitrateKbps", 128));
        assertEquals("engineType", video.text("field"));

        createService(
                r, customer, "test-audio", Map.of("maxListeners", 60, "maxBitrateKbps", 128, "useAsDefault", true));
        assertEquals(
                "test-audio",
                r.get("/services/form").body().get("defaultEngineType").asText());
        Api.Reply second = r.post(
                "/services",
                Map.of("ownerId", customer, "engineType", "test-audio", "maxListeners", 10, "maxBitrateKbps", 64));
        assertEquals(409, second.status());
        assertEquals("serverLimit", second.text("field"));
        JsonNode usage = r.get("/accounts/" + resellerId + "/usage").body();
        assertTrue(usage.toString().contains("\"limit\":\"serverLimit\",\"used\":1"), usage.toString());

        admin.post("/engines/test-video/disable", null).expect(200);
        try {
            Api.Reply disabled = admin.post("/services", Map.of("engineType", "test-video"));
            assertEquals(422, disabled.status());
            assertTrue(disabled.text("message").contains("disabled"), disabled.raw());
            assertEquals(403, r.post("/engines/test-video/enable", null).status());
        } finally {
            admin.post("/engines/test-video/enable", null).expect(200);
        }
    }

    static List<String> ids(JsonNode engines) {
        List<String> ids = new ArrayList<>();
        engines.forEach(e -> ids.add(e.at("/type/id").asText()));
        return ids;
    }

    @Test
    void oneServicesActionsRunInOrderAndTheStreamShowsThem() throws Exception {
        long service = createService(admin, null, "test-audio", Map.of());
        List<String> stream = new CopyOnWriteArrayList<>();
        Thread reader = follow(admin.token(), stream);
        Await.until(
                "the event stream to open",
                Duration.ofSeconds(10),
                () -> stream.stream().anyMatch(l -> l.contains("hello")));
        List<Long> actions = new ArrayList<>();
        for (String action : List.of("start", "stop", "start", "stop", "start")) {
            actions.add(act(admin, service, action));
        }
        for (long action : actions) {
            awaitAction(admin, action, "SUCCEEDED");
        }
        assertEquals(
                List.of("start", "stop", "start", "stop", "start"),
                operations(service).stream().map(l -> l.split(" ")[0]).toList());
        JsonNode history =
                admin.get("/services/" + service + "/actions").expect(200).body();
        assertEquals(5, history.get("total").asInt());
        long last = actions.get(actions.size() - 1);
        Await.until(
                "the stream to report the last action done",
                Duration.ofSeconds(10),
                () -> stream.stream().anyMatch(l -> l.contains("\"id\":" + last + ",") && l.contains("SUCCEEDED")));
        for (String status : List.of("QUEUED", "RUNNING", "SUCCEEDED")) {
            assertTrue(
                    stream.stream().anyMatch(l -> l.contains("\"id\":" + last + ",") && l.contains(status)),
                    status + " missing from " + stream);
        }
        reader.interrupt();
        awaitAction(admin, act(admin, service, "stop"), "SUCCEEDED");
    }

    /** Follows /events on a thread of its own, collecting its lines. */
    Thread follow(String token, List<String> lines) {
        Thread thread = new Thread(
                () -> {
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/events"))
                                .header("Authorization", "Bearer " + token)
                                .build();
                        HttpResponse<InputStream> response =
                                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
                        try (BufferedReader in =
                                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                            String line;
                            while (!Thread.currentThread().isInterrupted() && (line = in.readLine()) != null) {
                                lines.add(line);
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        // the test is done with the stream
                    }
                },
                "sse-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void misbehavingPluginsFailTheirOwnActionsOnly() {
        long hanging = createService(admin, null, "test-audio", Map.of("config", Map.of("behaviour", "hang")));
        long failing = createService(admin, null, "test-audio", Map.of("config", Map.of("behaviour", "fail")));
        long retrying = createService(admin, null, "test-audio", Map.of("config", Map.of("behaviour", "retry-once")));
        long healthy = createService(admin, null, "test-audio", Map.of());
        long hang = act(admin, hanging, "start");
        long fail = act(admin, failing, "start");
        long retry = act(admin, retrying, "start");
        long ok = act(admin, healthy, "start");
        awaitAction(admin, ok, "SUCCEEDED");
        assertEquals(
                "RUNNING",
                admin.get("/actions/" + hang).body().get("status").asText(),
                "the healthy service was not held up by the hanging one");
        JsonNode failed = awaitAction(admin, fail, "FAILED");
        assertTrue(failed.get("message").asText().contains("told to fail"), failed.toString());
        assertEquals("FAILED", admin.get("/services/" + failing).text("state"));
        assertEquals(2, awaitAction(admin, retry, "SUCCEEDED").get("attempts").asInt());
        JsonNode timedOut = awaitAction(admin, hang, "FAILED");
        assertTrue(timedOut.get("message").asText().contains("did not finish within"), timedOut.toString());
        for (long s : new long[] {hanging, failing, retrying, healthy}) {
            admin.patch("/services/" + s, Map.of("config", Map.of("behaviour", "normal")))
                    .expect(200);
            awaitAction(admin, act(admin, s, "delete"), "SUCCEEDED");
        }
    }

    @Test
    void theReconcilerBringsBackADeadProcess() throws Exception {
        long service = createService(admin, null, "test-audio", Map.of());
        awaitAction(admin, act(admin, service, "start"), "SUCCEEDED");
        long pid = Long.parseLong(Files.readAllLines(serviceDir(service).resolve("test-daemon.pid"))
                .get(0));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Await.until("the reconciler to restart the daemon", Duration.ofSeconds(30), () -> {
            try {
                return operations(service).size() == 2;
            } catch (IOException e) {
                return false;
            }
        });
        JsonNode events =
                admin.get("/services/" + service + "/events").expect(200).body();
        assertTrue(events.toString().contains("restarting"), events.toString());
        Await.until(
                "the service to be running again",
                Duration.ofSeconds(20),
                () -> "RUNNING".equals(admin.get("/services/" + service).text("state")));
        awaitAction(admin, act(admin, service, "delete"), "SUCCEEDED");
    }

    long daemonPid(long service) {
        try {
            return Long.parseLong(Files.readAllLines(serviceDir(service).resolve("test-daemon.pid"))
                    .get(0));
        } catch (IOException | RuntimeException e) {
            return 0; // between a death and the restart
        }
    }

    @Test
    void aDaemonThatKeepsDyingIsGivenUpOnUntilAPersonStartsIt() throws Exception {
        // the test panels pause 1, 2, 4 s between restarts and give up after 3 (restartPauseSeconds,
        // giveUpAfterRestarts)
        long service = createService(admin, null, "test-audio", Map.of());
        awaitAction(admin, act(admin, service, "start"), "SUCCEEDED");
        for (int restart = 1; restart <= 3; restart++) {
            long pid = daemonPid(service);
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Await.until("restart " + restart, Duration.ofSeconds(30), () -> {
                long now = daemonPid(service);
                return now != 0
                        && now != pid
                        && ProcessHandle.of(now).map(ProcessHandle::isAlive).orElse(false)
                        && "RUNNING".equals(admin.get("/services/" + service).text("state"));
            });
        }
        ProcessHandle.of(daemonPid(service)).orElseThrow().destroyForcibly();
        Await.until(
                "the reconciler to give up",
                Duration.ofSeconds(30),
                () -> "FAILED".equals(admin.get("/services/" + service).text("state")));
        JsonNode failed = admin.get("/services/" + service).body();
        assertTrue(failed.get("stateDetail").asText().contains("gave up after 3 restarts in a row"), failed.toString());
        assertTrue(admin.get("/services/" + service + "/events").raw().contains("gave up after 3 restarts"));
        assertEquals(
                4,
                operations(service).stream().filter(l -> l.startsWith("start")).count(),
                "the first start and three restarts, then no more");
        awaitAction(admin, act(admin, service, "start"), "SUCCEEDED");
        assertEquals("RUNNING", admin.get("/services/" + service).text("state"), "a person's start brings it back");
        awaitAction(admin, act(admin, service, "delete"), "SUCCEEDED");
    }

    @Test
    void deletingKeepsAudioMediaAndNeedsConfirmationForVideo() throws Exception {
        long audio = createService(admin, null, "test-audio", Map.of());
        long video = createService(admin, null, "test-video", Map.of());
        awaitAction(admin, act(admin, audio, "start"), "SUCCEEDED");
        long adminId = admin.get("/me").body().at("/account/id").asLong();
        Path content = panel.storage().resolve("content/user_" + adminId);
        Files.writeString(content.resolve("track.mp3"), "not really an mp3");

        awaitAction(admin, act(admin, audio, "delete"), "SUCCEEDED");
        assertEquals(404, admin.get("/services/" + audio).status());
        assertFalse(Files.exists(serviceDir(audio)), "the service's own directory is gone");
        assertTrue(Files.exists(content.resolve("track.mp3")), "the customer's media stay");

        Api.Reply unconfirmed = admin.post("/services/" + video + "/actions", Map.of("action", "delete"));
        assertEquals(422, unconfirmed.status());
        assertEquals("confirm", unconfirmed.text("field"));
        admin.get("/services/" + video).expect(200);
        long delete = admin.post("/services/" + video + "/actions", Map.of("action", "delete", "confirm", true))
                .expect(202)
                .id();
        awaitAction(admin, delete, "SUCCEEDED");
        assertEquals(404, admin.get("/services/" + video).status());
        assertEquals(
                "SUCCEEDED",
                admin.get("/actions/" + delete).body().get("status").asText(),
                "history outlives the service");
    }

    @Test
    void suspensionOwnershipAndTenancy() {
        Tenant a = Fixtures.tenant(api, admin);
        Tenant b = Fixtures.tenant(api, admin);
        long second = Fixtures.account(a.resellerApi(), Fixtures.unique("a2"), Map.of())
                .id();
        long service = createService(a.resellerApi(), a.customerId(), "test-audio", Map.of("maxListeners", 10));
        long start = act(a.customerApi(), service, "start");
        awaitAction(a.customerApi(), start, "SUCCEEDED");

        a.resellerApi().post("/services/" + service + "/suspend", null).expect(200);
        Api.Reply refused = a.customerApi().post("/services/" + service + "/actions", Map.of("action", "start"));
        assertEquals(409, refused.status());
        assertEquals(
                403,
                a.customerApi()
                        .post("/services/" + service + "/unsuspend", null)
                        .status());
        a.resellerApi().post("/services/" + service + "/unsuspend", null).expect(200);

        assertEquals(
                403,
                a.customerApi()
                        .post("/services/" + service + "/owner", Map.of("ownerId", second))
                        .status());
        assertEquals(
                422,
                a.resellerApi()
                        .post("/services/" + service + "/owner", Map.of("ownerId", b.customerId()))
                        .status());
        assertEquals(
                second,
                a.resellerApi()
                        .post("/services/" + service + "/owner", Map.of("ownerId", second))
                        .expect(200)
                        .body()
                        .get("ownerId")
                        .asLong());
        assertEquals(404, a.customerApi().get("/services/" + service).status(), "the old owner no longer sees it");

        List<String> leaks = new ArrayList<>();
        for (Api.As other : List.of(b.resellerApi(), b.customerApi())) {
            for (String[] call : new String[][] {
                {"GET", "/services/" + service},
                {"PATCH", "/services/" + service},
                {"POST", "/services/" + service + "/actions"},
                {"GET", "/services/" + service + "/actions"},
                {"GET", "/services/" + service + "/events"},
                {"GET", "/services/" + service + "/stats"},
                {"GET", "/services/" + service + "/listeners"},
                {"GET", "/services/" + service + "/connection"},
                {"POST", "/services/" + service + "/suspend"},
                {"POST", "/services/" + service + "/owner"},
                {"GET", "/actions/" + start}
            }) {
                Object body = call[0].equals("GET")
                        ? null
                        : call[1].endsWith("/owner")
                                ? Map.of("ownerId", b.customerId())
                                : call[1].endsWith("/actions") ? Map.of("action", "stop") : Map.of("name", "stolen");
                Api.Reply reply = other.call(call[0], call[1], body);
                if (reply.status() != 404) {
                    leaks.add(call[0] + " " + call[1] + " -> " + reply.status());
                }
            }
            assertEquals(
                    0,
                    other.get("/services").body().get("items").findValues("id").stream()
                            .filter(id -> id.asLong() == service)
                            .count());
        }
        assertEquals(List.of(), leaks);
        awaitAction(admin, act(admin, service, "delete"), "SUCCEEDED");
    }

    @Test
    void pluginsLeaveAndComeBackWithoutLosingServices() throws Exception {
        long service = createService(admin, null, "test-audio", Map.of());
        awaitAction(admin, act(admin, service, "start"), "SUCCEEDED");
        long pid = Long.parseLong(Files.readAllLines(serviceDir(service).resolve("test-daemon.pid"))
                .get(0));

        panel.undeploy(TEST_ENGINE);
        long queued;
        long installedAt;
        try {
            Await.until("the engine to be unavailable", Duration.ofSeconds(30), () -> !engineAvailable("test-audio"));
            JsonNode kept = admin.get("/services/" + service).expect(200).body();
            assertEquals("ENGINE_UNAVAILABLE", kept.get("state").asText());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the stream keeps running");
            queued = act(admin, service, "restart");
        } finally {
            installedAt = System.nanoTime();
            panel.deploy(TEST_ENGINE); // whatever happened above, the other tests need the engine back
        }
        Await.until("the engine to come back", Duration.ofSeconds(30), () -> engineAvailable("test-audio"));
        System.out.printf("engine listed %d ms after deploy%n", (System.nanoTime() - installedAt) / 1_000_000);
        awaitAction(admin, queued, "SUCCEEDED");
        assertEquals("RUNNING", admin.get("/services/" + service).text("state"));
        awaitAction(admin, act(admin, service, "delete"), "SUCCEEDED");
    }

    @Test
    void killNineWithAFullQueueLosesNothingAndRepeatsNothing() throws Exception {
        List<Long> services = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            services.add(createService(admin, null, "test-audio", Map.of()));
        }
        List<String> expected = new ArrayList<>();
        Api.As current = admin;
        for (int kill = 1; kill <= 2; kill++) { // twice: the second crash hits a panel that recovered from the first
            List<Long> actions = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (long service : services) {
                    actions.add(act(current, service, round % 2 == 0 ? "start" : "stop"));
                }
                expected.add(round % 2 == 0 ? "start" : "stop");
            }
            panel.killAndRestart();
            current = panel.admin();
            for (long action : actions) {
                awaitAction(current, action, "SUCCEEDED");
            }
            for (long service : services) {
                List<String> ops =
                        operations(service).stream().map(l -> l.split(" ")[0]).toList();
                assertEquals(
                        expected, ops, "service " + service + " applied each action exactly once (kill " + kill + ")");
            }
        }
        for (long service : services) {
            awaitAction(current, act(current, service, "delete"), "SUCCEEDED");
        }
    }
}
