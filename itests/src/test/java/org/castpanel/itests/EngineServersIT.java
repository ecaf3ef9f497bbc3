/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Engines;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registry of remote media servers (/engine-servers): administrators only, validated, the
 * password write-only, and the placement of new services of a remote engine type (the test
 * engine's test-remote) on the enabled server with the fewest services.
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineServersIT {

    Panel panel;
    Api.As admin;

    @BeforeAll
    void installTestEngine(Panel panel) {
        this.panel = panel;
        this.admin = panel.admin();
        Engines.ensureTestEngine(panel, "test-remote");
    }

    private Api.Reply register(String name, String url, boolean enabled) {
        return admin.post(
                "/engine-servers",
                Map.of(
                        "engineType",
                        "test-remote",
                        "name",
                        name,
                        "url",
                        url,
                        "username",
                        "admin",
                        "password",
                        "wowza-secret-1",
                        "publicHost",
                        name + ".example.net",
                        "enabled",
                        enabled));
    }

    @Test
    void administratorsRegisterServersAndThePasswordIsNeverShownBack() {
        String name = Fixtures.unique("wowza");
        JsonNode created =
                register(name, "http://127.0.0.2:8087/", true).expect(201).body();
        long id = created.get("id").asLong();
        assertEquals("http://127.0.0.2:8087", created.get("url").asText(), "a trailing slash is dropped");
        assertTrue(created.get("passwordSet").asBoolean());
        assertEquals("UNKNOWN", created.get("health").asText());
        assertEquals("local", created.get("node").asText());
        for (Api.Reply read : List.of(
                admin.get("/engine-servers").expect(200),
                admin.get("/engine-servers/" + id).expect(200))) {
            assertFalse(read.raw().contains("wowza-secret-1"), read.raw());
        }
        JsonNode changed = admin.patch("/engine-servers/" + id, Map.of("enabled", false, "password", ""))
                .expect(200)
                .body();
        assertFalse(changed.get("enabled").asBoolean());
        assertFalse(changed.get("passwordSet").asBoolean(), "an empty password removes it");
        assertEquals(name + ".example.net", changed.get("publicHost").asText(), "what the PATCH did not name stays");
        boolean audited = false;
        for (JsonNode e : admin.get("/audit-log?action=engine-server&targetId=" + id)
                .expect(200)
                .body()
                .get("items")) {
            audited |= "engine-server.update".equals(e.path("action").asText());
        }
        assertTrue(audited, "changes are audited");
        admin.delete("/engine-servers/" + id).expect(204);
        assertEquals(404, admin.get("/engine-servers/" + id).status());
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = admin.get("/engine-servers").expect(200).body().size();
        String name = Fixtures.unique("flussonic");
        Map<String, Map<String, Object>> refusals = new java.util.LinkedHashMap<>();
        refusals.put("engineType", Map.of("engineType", "test-audio", "name", name, "url", "http://a.example:80"));
        refusals.put("url", Map.of("engineType", "test-remote", "name", name, "url", "ftp://a.example"));
        refusals.put(
                "publicHost",
                Map.of(
                        "engineType",
                        "test-remote",
                        "name",
                        name,
                        "url",
                        "http://a.example",
                        "publicHost",
                        "a.example; rm -rf /"));
        refusals.put("name", Map.of("engineType", "test-remote", "name", "bad\nname", "url", "http://a.example"));
        Map<String, Object> credentialsInUrl =
                Map.of("engineType", "test-remote", "name", name, "url", "http://admin:pw@a.example:8087");
        for (Map.Entry<String, Map<String, Object>> r : refusals.entrySet()) {
            Api.Reply refused = admin.post("/engine-servers", r.getValue());
            assertEquals(422, refused.status(), r.getKey() + ": " + refused.raw());
            assertEquals(r.getKey(), refused.text("field"), refused.raw());
        }
        Api.Reply withCredentials = admin.post("/engine-servers", credentialsInUrl);
        assertEquals(422, withCredentials.status(), withCredentials.raw());
        assertEquals("url", withCredentials.text("field"));
        assertEquals(before, admin.get("/engine-servers").expect(200).body().size(), "nothing was stored");

        long id = register(name, "http://127.0.0.2:8087", true).expect(201).id();
        Api.Reply twice = register(name, "http://127.0.0.3:8087", true);
        assertEquals(409, twice.status(), twice.raw());
        Api.Reply retyped = admin.patch("/engine-servers/" + id, Map.of("engineType", "test-video"));
        assertEquals(422, retyped.status(), retyped.raw());
        admin.delete("/engine-servers/" + id).expect(204);
    }

    @Test
    void onlyAdministratorsSeeOrChangeTheRegistry() {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        long id = register(Fixtures.unique("wowza"), "http://127.0.0.2:8087", true)
                .expect(201)
                .id();
        for (Api.As someone : List.of(t.resellerApi(), t.customerApi())) {
            assertEquals(403, someone.get("/engine-servers").status());
            assertEquals(403, someone.get("/engine-servers/" + id).status());
            assertEquals(
                    403,
                    someone.post(
                                    "/engine-servers",
                                    Map.of("engineType", "test-remote", "name", "x", "url", "http://a.example"))
                            .status());
            assertEquals(
                    403,
                    someone.patch("/engine-servers/" + id, Map.of("enabled", false))
                            .status());
            assertEquals(403, someone.delete("/engine-servers/" + id).status());
            assertEquals(
                    403, someone.post("/engine-servers/" + id + "/check", null).status());
        }
        // the test engine cannot check servers on request (as a plugin built before checks): 409, health untouched
        Api.Reply check = admin.post("/engine-servers/" + id + "/check", null);
        assertEquals(409, check.status(), check.raw());
        assertTrue(check.text("message").contains("cannot check its servers"), check.raw());
        assertEquals("UNKNOWN", admin.get("/engine-servers/" + id).text("health"));
        assertTrue(
                admin.get("/engine-servers/" + id)
                        .expect(200)
                        .body()
                        .get("enabled")
                        .asBoolean(),
                "nothing changed");
        admin.delete("/engine-servers/" + id).expect(204);
    }

    @Test
    void newServicesArePlacedOnTheEnabledServerWithTheFewestServices() {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        // no server yet for a fresh type? test-remote may have servers from other tests: disable them all
        for (JsonNode s : admin.get("/engine-servers").expect(200).body()) {
            if ("test-remote".equals(s.get("engineType").asText())
                    && s.get("enabled").asBoolean()) {
                admin.patch("/engine-servers/" + s.get("id").asLong(), Map.of("enabled", false))
                        .expect(200);
            }
        }
        Map<String, Object> service =
                new HashMap<>(Map.of("ownerId", t.customerId(), "engineType", "test-remote", "maxListeners", 10));
        Api.Reply none = t.resellerApi().post("/services", service);
        assertEquals(409, none.status(), none.raw());
        assertEquals("engineType", none.text("field"));
        assertTrue(none.text("message").contains("no enabled test-remote server"), none.raw());

        String a = Fixtures.unique("edge-a");
        String b = Fixtures.unique("edge-b");
        long serverA = register(a, "http://127.0.0.2:8087", true).expect(201).id();
        long serverB = register(b, "http://127.0.0.3:8087", true).expect(201).id();
        long first = t.resellerApi().post("/services", service).expect(201).id();
        long second = t.resellerApi().post("/services", service).expect(201).id();
        String firstHost = t.customerApi()
                .get("/services/" + first + "/connection")
                .expect(200)
                .body()
                .get("server")
                .asText();
        String secondHost = t.customerApi()
                .get("/services/" + second + "/connection")
                .expect(200)
                .body()
                .get("server")
                .asText();
        assertEquals(
                java.util.Set.of(a + ".example.net", b + ".example.net"),
                java.util.Set.of(firstHost, secondHost),
                "one service on each server");
        assertEquals(
                1,
                admin.get("/engine-servers/" + serverA)
                        .expect(200)
                        .body()
                        .get("services")
                        .asInt());

        Api.Reply busy = admin.delete("/engine-servers/" + serverA);
        assertEquals(409, busy.status(), busy.raw());
        assertEquals(200, admin.get("/engine-servers/" + serverA).status(), "still there");
        for (long s : List.of(first, second)) {
            long delete = t.resellerApi()
                    .post("/services/" + s + "/actions", Map.of("action", "delete", "confirm", true))
                    .expect(202)
                    .id();
            Await.until(
                    "service " + s + " to be deleted",
                    Duration.ofSeconds(30),
                    () -> "SUCCEEDED"
                            .equals(t.resellerApi().get("/actions/" + delete).text("status")));
        }
        admin.delete("/engine-servers/" + serverA).expect(204);
        admin.delete("/engine-servers/" + serverB).expect(204);
    }
}
