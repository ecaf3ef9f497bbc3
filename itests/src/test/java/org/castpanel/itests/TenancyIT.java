/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Fixtures.Tenant;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks every endpoint that takes an id, with every non-administrator role, against ids of
 * another tenant: each must answer 404 (never revealing the id exists) and change nothing.
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT {

    /** One call: method, path with {id} and {key}, body. */
    record Call(String method, String path, Object body) {
        String render(long id, long keyId) {
            return path.replace("{id}", Long.toString(id)).replace("{key}", Long.toString(keyId));
        }
    }

    static final List<Call> ACCOUNT_CALLS = List.of(
            new Call("GET", "/accounts/{id}", null),
            new Call("PATCH", "/accounts/{id}", Map.of("name", "hijacked")),
            new Call("DELETE", "/accounts/{id}?cascade=true", null),
            new Call("GET", "/accounts/{id}/overview", null),
            new Call("GET", "/accounts/{id}/usage", null),
            new Call("POST", "/accounts/{id}/password", Map.of("password", "hijacked-pw")),
            new Call("POST", "/accounts/{id}/enable", null),
            new Call("POST", "/accounts/{id}/disable", null),
            new Call("POST", "/accounts/{id}/impersonate", null),
            new Call("GET", "/accounts/{id}/api-keys", null),
            new Call("POST", "/accounts/{id}/api-keys", Map.of("label", "stolen")),
            new Call("DELETE", "/accounts/{id}/api-keys/{key}", null));

    static final List<Call> PLAN_CALLS = List.of(
            new Call("GET", "/reseller-plans/{id}", null),
            new Call("PUT", "/reseller-plans/{id}", Map.of("name", "hijacked")),
            new Call("DELETE", "/reseller-plans/{id}", null));

    /** {id} is the service, {key} one of its mount points. */
    static final List<Call> SERVICE_CALLS = List.of(
            new Call("GET", "/services/{id}", null),
            new Call("PATCH", "/services/{id}", Map.of("name", "hijacked")),
            new Call("POST", "/services/{id}/actions", Map.of("action", "delete")),
            new Call("GET", "/services/{id}/actions", null),
            new Call("GET", "/services/{id}/events", null),
            new Call("POST", "/services/{id}/suspend", null),
            new Call("POST", "/services/{id}/unsuspend", null),
            new Call("POST", "/services/{id}/owner", Map.of("ownerId", 1)),
            new Call("GET", "/services/{id}/stats", null),
            new Call("GET", "/services/{id}/listeners", null),
            new Call("GET", "/services/{id}/connection", null),
            new Call("GET", "/services/{id}/mounts", null),
            new Call("POST", "/services/{id}/mounts", Map.of("name", "/stolen")),
            new Call("PUT", "/services/{id}/mounts/{key}", Map.of("name", "/stolen")),
            new Call("DELETE", "/services/{id}/mounts/{key}", null),
            new Call("GET", "/services/{id}/recordings", null),
            new Call("GET", "/services/{id}/recordings/broadcast.flv", null),
            new Call("DELETE", "/services/{id}/recordings/broadcast.flv", null));

    Api api;
    Api.As admin;
    Tenant a;
    Tenant b;
    long bSubPlan;
    long bKey;
    long adminId;

    @BeforeAll
    void tenants(Panel panel) {
        api = panel.api();
        admin = panel.admin();
        a = Fixtures.tenant(api, admin);
        b = Fixtures.tenant(api, admin);
        bSubPlan = b.resellerApi()
                .post("/reseller-plans", Map.of("name", "b-sub", "serverLimit", 1, "maxListeners", 10))
                .expect(201)
                .id();
        bKey = b.customerApi()
                .post("/accounts/" + b.customerId() + "/api-keys", Map.of("label", "b"))
                .expect(201)
                .id();
        adminId = admin.get("/me").body().at("/account/id").asLong();
    }

    @Test
    void someoneElsesAccountIdsAreNotFoundForEveryRole() {
        Map<String, Api.As> callers = new LinkedHashMap<>();
        callers.put("reseller A", a.resellerApi());
        callers.put("customer A", a.customerApi());
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Api.As> caller : callers.entrySet()) {
            for (long target : new long[] {b.resellerId(), b.customerId(), adminId}) {
                for (Call call : ACCOUNT_CALLS) {
                    String path = call.render(target, bKey);
                    Api.Reply reply = caller.getValue().call(call.method(), path, call.body());
                    if (reply.status() != 404 || !"not_found".equals(reply.text("error"))) {
                        failures.add(caller.getKey() + " " + call.method() + " " + path + " -> " + reply.status() + " "
                                + reply.raw());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTenantBUntouched();
    }

    @Test
    void someoneElsesServicesAndMountsAreNotFound() {
        long bService = b.resellerApi()
                .post(
                        "/services",
                        Map.of(
                                "ownerId",
                                b.customerId(),
                                "engineType",
                                "icecast",
                                "maxListeners",
                                10,
                                "name",
                                "B radio",
                                "mountPoints",
                                3))
                .expect(201)
                .id();
        long bMount = b.customerApi()
                .post("/services/" + bService + "/mounts", Map.of("name", "/b"))
                .expect(201)
                .id();
        long aService = a.resellerApi()
                .post("/services", Map.of("ownerId", a.customerId(), "engineType", "icecast", "maxListeners", 10))
                .expect(201)
                .id();
        List<String> failures = new ArrayList<>();
        for (Api.As caller : List.of(a.resellerApi(), a.customerApi())) {
            for (Call call : SERVICE_CALLS) {
                String path = call.render(bService, bMount);
                Api.Reply reply = caller.call(call.method(), path, call.body());
                if (reply.status() != 404) {
                    failures.add(call.method() + " " + path + " -> " + reply.status() + " " + reply.raw());
                }
            }
            // a bulk action naming one foreign service is refused as a whole
            assertEquals(
                    404,
                    caller.post(
                                    "/services/actions",
                                    Map.of("action", "start", "serviceIds", List.of(aService, bService)))
                            .status());
        }
        assertEquals(List.of(), failures);
        assertEquals(
                0,
                a.customerApi()
                        .get("/services/" + aService + "/actions")
                        .body()
                        .get("total")
                        .asInt(),
                "the refused bulk request queued nothing for A's own service either");
        JsonNode bAfter = admin.get("/services/" + bService).expect(200).body();
        assertEquals("B radio", bAfter.get("name").asText());
        assertEquals(b.customerId(), bAfter.get("ownerId").asLong());
        assertTrue(
                !bAfter.get("suspended").asBoolean() && !bAfter.get("deleting").asBoolean(), bAfter.toString());
        assertEquals(
                "/b",
                b.customerApi()
                        .get("/services/" + bService + "/mounts")
                        .body()
                        .at("/0/name")
                        .asText());
        assertEquals(
                1,
                b.customerApi().get("/services/" + bService + "/mounts").body().size());
        assertEquals(
                1,
                a.customerApi()
                        .post("/services/actions", Map.of("action", "stop", "serviceIds", List.of(aService, aService)))
                        .expect(202)
                        .body()
                        .size(),
                "a service named twice is queued once");
    }

    @Test
    void someoneElsesPlansAreNotFound() {
        List<String> failures = new ArrayList<>();
        for (Api.As caller : List.of(a.resellerApi(), a.customerApi())) {
            for (long plan : new long[] {b.planId(), bSubPlan}) {
                for (Call call : PLAN_CALLS) {
                    Api.Reply reply = caller.call(call.method(), call.render(plan, 0), call.body());
                    if (reply.status() != 404) {
                        failures.add(call.method() + " " + call.render(plan, 0) + " -> " + reply.status() + " "
                                + reply.raw());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(
                "b-sub", admin.get("/reseller-plans/" + bSubPlan).expect(200).text("name"));
        List<Long> visible = new ArrayList<>();
        a.resellerApi()
                .get("/reseller-plans")
                .expect(200)
                .body()
                .forEach(p -> visible.add(p.get("id").asLong()));
        assertEquals(List.of(a.planId()), visible, "reseller A sees only its own plan");
    }

    @Test
    void customersManageNothingButTheirOwnProfile() {
        Api.As customer = a.customerApi();
        long self = a.customerId();
        assertEquals(
                403,
                customer.post(
                                "/accounts",
                                Map.of("username", Fixtures.unique("c"), "password", "abcdef-12", "name", "C"))
                        .status());
        assertEquals(
                403, customer.post("/reseller-plans", Map.of("name", "mine")).status());
        assertEquals(403, customer.post("/accounts/" + self + "/disable", null).status());
        assertEquals(
                403,
                customer.patch("/accounts/" + self, Map.of("apiAccess", false)).status());
        assertEquals(
                403,
                customer.patch("/accounts/" + self, Map.of("type", "ADMINISTRATOR"))
                        .status());
        assertEquals(403, customer.delete("/accounts/" + self).status());
        assertEquals(
                403, customer.post("/accounts/" + self + "/impersonate", null).status());
        assertEquals(404, customer.get("/accounts/" + a.resellerId()).status(), "not even its own reseller");
        assertEquals(
                200,
                customer.patch("/accounts/" + self, Map.of("name", "My New Name"))
                        .status());
        assertEquals(
                200,
                customer.patch("/me", Map.of("timezone", "America/New_York")).status());
        assertEquals(
                403,
                a.resellerApi()
                        .post("/accounts/" + a.resellerId() + "/disable", null)
                        .status());
        assertEquals(
                403,
                a.resellerApi()
                        .post(
                                "/accounts",
                                Map.of(
                                        "username",
                                        Fixtures.unique("adm"),
                                        "password",
                                        "abcdef-12",
                                        "name",
                                        "Admin wannabe",
                                        "type",
                                        "ADMINISTRATOR"))
                        .status());
    }

    @Test
    void theAuditLogShowsEachTenantOnlyItsOwnSubtree() {
        JsonNode ofB = a.resellerApi()
                .get("/audit-log?targetId=" + b.customerId())
                .expect(200)
                .body();
        assertEquals(0, ofB.get("total").asInt(), ofB.toString());
        JsonNode own = a.resellerApi()
                .get("/audit-log?targetId=" + a.customerId())
                .expect(200)
                .body();
        assertTrue(own.get("total").asInt() >= 1, own.toString());
        JsonNode all =
                admin.get("/audit-log?targetId=" + b.customerId()).expect(200).body();
        assertTrue(all.get("total").asInt() >= 1, all.toString());
    }

    private void assertTenantBUntouched() {
        JsonNode customer = admin.get("/accounts/" + b.customerId()).expect(200).body();
        assertEquals("Name of " + b.customer(), customer.get("name").asText());
        assertTrue(customer.get("enabled").asBoolean());
        admin.get("/accounts/" + b.resellerId()).expect(200);
        api.login(b.customer(), Fixtures.PASSWORD).get("/me").expect(200);
        assertEquals(
                1,
                b.customerApi()
                        .get("/accounts/" + b.customerId() + "/api-keys")
                        .body()
                        .size());
    }
}
