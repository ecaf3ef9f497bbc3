/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
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
 * Source services (an AutoDJ) on the SPI: attached to a server service of the same owner, fed its
 * endpoint and credentials through the platform, held to the plan's AutoDJ switch and quota, and
 * stopped with their server. The test engine offers a source type (test-autodj) and a server type
 * that accepts it (test-audio); test-video accepts no sources.
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceServicesIT {

    Panel panel;
    Api.As admin;

    @BeforeAll
    void installTestEngine(Panel panel) {
        this.panel = panel;
        this.admin = panel.admin();
        Engines.ensureTestEngine(panel, "test-autodj");
    }

    /** A reseller whose plan includes AutoDJ with {@code quota} slots, and one customer. */
    private Fixtures.Tenant tenant(boolean autoDj, int quota) {
        Api api = panel.api();
        Map<String, Object> planBody = new HashMap<>(
                Map.of("name", Fixtures.unique("autodj-plan"), "serverLimit", 5, "autoDjAllowed", autoDj));
        if (autoDj) {
            planBody.put("autoDjQuota", quota);
        }
        long plan = admin.post("/reseller-plans", planBody).expect(201).id();
        String reseller = Fixtures.unique("dj-reseller");
        long resellerId = Fixtures.account(admin, reseller, Map.of("resellerPlanId", plan))
                .id();
        Api.As resellerApi = api.login(reseller, Fixtures.PASSWORD);
        String customer = Fixtures.unique("dj-customer");
        long customerId = Fixtures.account(resellerApi, customer, Map.of()).id();
        return new Fixtures.Tenant(
                plan, resellerId, reseller, resellerApi, customerId, customer, api.login(customer, Fixtures.PASSWORD));
    }

    private static Api.Reply create(Api.As as, long ownerId, String type, Long attachedTo) {
        Map<String, Object> body =
                new HashMap<>(Map.of("ownerId", ownerId, "engineType", type, "name", Fixtures.unique(type)));
        if (attachedTo != null) {
            body.put("attachedTo", attachedTo);
        }
        return as.post("/services", body);
    }

    private static void startAndWait(Api.As as, long service) {
        as.post("/services/" + service + "/actions", Map.of("action", "start")).expect(202);
        Await.until(
                "service " + service + " to run",
                Duration.ofSeconds(30),
                () -> "RUNNING".equals(as.get("/services/" + service).text("state")));
    }

    private static int servicesOf(Api.As as, long ownerId) {
        return as.get("/services?ownerId=" + ownerId)
                .expect(200)
                .body()
                .get("total")
                .asInt();
    }

    @Test
    void aSourceFeedsItsOwnersServerWithTheEndpointTheServerGaveAndStopsWithIt() throws Exception {
        Fixtures.Tenant t = tenant(true, 1);
        Api.As reseller = t.resellerApi();
        long server =
                create(reseller, t.customerId(), "test-audio", null).expect(201).id();
        JsonNode source = create(reseller, t.customerId(), "test-autodj", server)
                .expect(201)
                .body();
        long sourceId = source.get("id").asLong();
        assertEquals(server, source.get("attachedTo").asLong());
        assertEquals(
                sourceId,
                t.customerApi().get("/services/" + sourceId).expect(200).id(),
                "the customer sees its AutoDJ");

        Api.Reply early = reseller.post("/services/" + sourceId + "/actions", Map.of("action", "start"));
        assertEquals(409, early.status(), early.raw());
        assertTrue(early.text("message").contains("start that server service first"), early.raw());

        startAndWait(reseller, server);
        startAndWait(t.customerApi(), sourceId);
        String port = reseller.get("/services/" + server + "/connection")
                .expect(200)
                .body()
                .get("port")
                .asText();
        JsonNode details = t.customerApi()
                .get("/services/" + sourceId + "/connection")
                .expect(200)
                .body();
        assertEquals(
                "icecast://127.0.0.1:" + port + "/stream", details.get("feeds").asText(), details.toString());
        // the server's own source credentials reached the source's config, and nothing else showed them
        Path conf = panel.storage().resolve("services/service_" + sourceId + "/service.conf");
        String written = Files.readString(conf);
        assertTrue(
                written.contains("icecast://source:") && written.contains("@127.0.0.1:" + port + "/stream"), written);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(conf)));
        assertFalse(
                details.toString().contains(written.replaceAll("(?s).*source:([^@]+)@.*", "$1")),
                "the password is not in the connection details");

        Api.Reply deleteServer = reseller.post("/services/" + server + "/actions", Map.of("action", "delete"));
        assertEquals(409, deleteServer.status(), deleteServer.raw());
        assertTrue(deleteServer.text("message").contains(Long.toString(sourceId)), deleteServer.raw());

        reseller.post("/services/" + server + "/actions", Map.of("action", "stop"))
                .expect(202);
        Await.until(
                "the source to stop with its server",
                Duration.ofSeconds(30),
                () -> "STOPPED".equals(reseller.get("/services/" + sourceId).text("state")));
        assertFalse(reseller.get("/services/" + sourceId)
                .body()
                .get("desiredRunning")
                .asBoolean());
        boolean audited = false;
        for (JsonNode e : reseller.get("/audit-log?action=service.action&targetId=" + sourceId)
                .expect(200)
                .body()
                .get("items")) {
            audited |= e.path("detail").asText().equals("STOP: the server service " + server + " it feeds stops");
        }
        assertTrue(audited, "the source's stop is audited with its reason");

        long deleteSource = reseller.post("/services/" + sourceId + "/actions", Map.of("action", "delete"))
                .expect(202)
                .id();
        Await.until(
                "the source to be deleted",
                Duration.ofSeconds(30),
                () -> "SUCCEEDED"
                        .equals(reseller.get("/actions/" + deleteSource).text("status")));
        reseller.post("/services/" + server + "/actions", Map.of("action", "delete"))
                .expect(202);
    }

    @Test
    void aSourceIsRefusedWithoutAServerOfItsOwnerThatAcceptsItOrOutsideThePlansAutoDj() {
        Fixtures.Tenant t = tenant(true, 1);
        Fixtures.Tenant other = tenant(true, 1);
        Api.As reseller = t.resellerApi();
        long server =
                create(reseller, t.customerId(), "test-audio", null).expect(201).id();
        long video =
                create(reseller, t.customerId(), "test-video", null).expect(201).id();
        long foreign = create(other.resellerApi(), other.customerId(), "test-audio", null)
                .expect(201)
                .id();
        int before = servicesOf(reseller, t.customerId());

        Map<Long, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(null, "give its id in attachedTo");
        refusals.put(foreign, "is not one of " + t.customer() + "'s services");
        refusals.put(999_999_999L, "is not one of " + t.customer() + "'s services");
        refusals.put(video, "accepts no sources");
        for (Map.Entry<Long, String> r : refusals.entrySet()) {
            Api.Reply refused = create(reseller, t.customerId(), "test-autodj", r.getKey());
            assertEquals(422, refused.status(), r.getKey() + ": " + refused.raw());
            assertEquals("attachedTo", refused.text("field"), refused.raw());
            assertTrue(refused.text("message").contains(r.getValue()), refused.raw());
        }
        Api.Reply serverAttached = create(reseller, t.customerId(), "test-audio", server);
        assertEquals(422, serverAttached.status(), serverAttached.raw());
        assertEquals("attachedTo", serverAttached.text("field"));

        long source = create(reseller, t.customerId(), "test-autodj", server)
                .expect(201)
                .id();
        Api.Reply onASource = create(reseller, t.customerId(), "test-autodj", source);
        assertEquals(422, onASource.status(), onASource.raw());
        Api.Reply overQuota = create(reseller, t.customerId(), "test-autodj", server);
        assertEquals(409, overQuota.status(), overQuota.raw());
        assertEquals("autoDjQuota", overQuota.text("field"), overQuota.raw());
        assertEquals(before + 1, servicesOf(reseller, t.customerId()), "only the one allowed source was created");

        Fixtures.Tenant noAutoDj = tenant(false, 0);
        long plain = create(noAutoDj.resellerApi(), noAutoDj.customerId(), "test-audio", null)
                .expect(201)
                .id();
        Api.Reply notInPlan = create(noAutoDj.resellerApi(), noAutoDj.customerId(), "test-autodj", plain);
        assertEquals(422, notInPlan.status(), notInPlan.raw());
        assertEquals("engineType", notInPlan.text("field"));
        assertTrue(notInPlan.text("message").contains("does not include AutoDJ"), notInPlan.raw());
        Api.Reply moved =
                noAutoDj.resellerApi().post("/services/" + source + "/owner", Map.of("ownerId", noAutoDj.customerId()));
        assertEquals(404, moved.status(), "another reseller's source is not even visible: " + moved.raw());
        Api.Reply moveSource = reseller.post("/services/" + source + "/owner", Map.of("ownerId", t.customerId()));
        assertEquals(409, moveSource.status(), moveSource.raw());
    }
}
