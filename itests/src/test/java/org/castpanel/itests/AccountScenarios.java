/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Fixtures.Tenant;
import org.castpanel.itests.support.Panel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The account scenarios of the platform, over HTTP against a real distribution; run once per
 * database by the subclasses, in any order: each makes its own tenants, and the restart test
 * checks what is stored at that moment (sessions survive it, so the others' logins stay valid).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountScenarios {

    Panel panel;
    Api api;
    Api.As admin;

    @BeforeAll
    void connect(Panel panel) {
        this.panel = panel;
        this.api = panel.api();
        this.admin = panel.admin();
    }

    @Test
    void administratorResellerAndCustomerWalkThrough() {
        Tenant a = Fixtures.tenant(api, admin);
        Tenant b = Fixtures.tenant(api, admin);

        JsonNode customer =
                a.resellerApi().get("/accounts/" + a.customerId()).expect(200).body();
        assertEquals("RESELLER_SUBACCOUNT", customer.get("kind").asText());
        assertEquals(a.resellerId(), customer.get("parentId").asLong());
        assertEquals(
                "RESELLER", admin.get("/accounts/" + a.resellerId()).expect(200).text("kind"));

        Api.Reply refused = a.customerApi()
                .post("/accounts", Map.of("username", Fixtures.unique("x"), "password", "abcdef-12", "name", "X"));
        assertEquals(403, refused.status());
        assertEquals("forbidden", refused.text("error"));

        Api.Reply shortPassword = a.resellerApi()
                .post("/accounts", Map.of("username", Fixtures.unique("short"), "password", "abcd", "name", "Short"));
        assertEquals(422, shortPassword.status());
        assertEquals("password", shortPassword.text("field"));
        assertTrue(shortPassword.text("message").contains("at least 8 characters"), shortPassword.raw());
        Api.Reply common = a.resellerApi()
                .post(
                        "/accounts",
                        Map.of("username", Fixtures.unique("common"), "password", "Password1", "name", "Common"));
        assertEquals(422, common.status(), "one of the most common passwords: " + common.raw());
        assertTrue(common.text("message").contains("most common"), common.raw());
        JsonNode policy =
                api.anonymous().get("/auth/password-policy").expect(200).body();
        assertEquals(8, policy.get("minLength").asInt());

        assertEquals(404, a.resellerApi().get("/accounts/" + b.customerId()).status());
        assertEquals(404, a.resellerApi().get("/accounts/" + b.resellerId()).status());
        List<String> visible =
                usernames(a.resellerApi().get("/accounts?size=200").expect(200).body());
        assertTrue(visible.contains(a.customer()));
        assertFalse(visible.contains(b.customer()), "reseller A must not see B's customer: " + visible);
        assertFalse(visible.contains("admin"));

        assertEquals(
                List.of(a.customer()),
                usernames(a.customerApi().get("/accounts").expect(200).body()));
    }

    @Test
    void disabledAccountCannotLogInAndLosesItsSessions() {
        Tenant t = Fixtures.tenant(api, admin);
        t.resellerApi().post("/accounts/" + t.customerId() + "/disable", null).expect(200);

        Api.Reply login =
                api.anonymous().post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD));
        assertEquals(401, login.status());
        assertTrue(login.text("message").contains("disabled"), login.raw());
        assertEquals(401, t.customerApi().get("/me").status());

        t.resellerApi().post("/accounts/" + t.customerId() + "/enable", null).expect(200);
        api.login(t.customer(), Fixtures.PASSWORD).get("/me").expect(200);
    }

    @Test
    void apiAccessOffRefusesTheAccountsApiKeys() {
        Tenant t = Fixtures.tenant(api, admin);
        JsonNode key = t.customerApi()
                .post("/accounts/" + t.customerId() + "/api-keys", Map.of("label", "encoder"))
                .expect(201)
                .body();
        String secret = key.get("secret").asText();
        assertTrue(secret.startsWith("cpk_") && secret.length() > 40, secret);
        assertEquals(
                t.customer(),
                api.as(secret)
                        .get("/me")
                        .expect(200)
                        .body()
                        .at("/account/username")
                        .asText());

        JsonNode listed = t.customerApi()
                .get("/accounts/" + t.customerId() + "/api-keys")
                .expect(200)
                .body();
        assertTrue(listed.get(0).get("secret").isNull(), "a listed key never shows its secret");

        t.resellerApi()
                .patch("/accounts/" + t.customerId(), Map.of("apiAccess", false))
                .expect(200);
        Api.Reply refused = api.as(secret).get("/me");
        assertEquals(403, refused.status());
        assertTrue(refused.text("message").contains("API access is turned off"), refused.raw());

        t.resellerApi()
                .patch("/accounts/" + t.customerId(), Map.of("apiAccess", true))
                .expect(200);
        api.as(secret).get("/me").expect(200);
        t.customerApi()
                .delete("/accounts/" + t.customerId() + "/api-keys/"
                        + key.get("id").asLong())
                .expect(204);
        assertEquals(401, api.as(secret).get("/me").status());
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() {
        Tenant t = Fixtures.tenant(api, admin);
        Map<String, String> wrong = Map.of("username", t.customer(), "password", "not-the-password");
        for (int i = 1; i < 5; i++) {
            assertEquals(401, api.anonymous().post("/auth/login", wrong).status());
        }
        Api.Reply locked = api.anonymous().post("/auth/login", wrong);
        assertEquals(423, locked.status(), locked.raw());
        Api.Reply stillLocked =
                api.anonymous().post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD));
        assertEquals(423, stillLocked.status(), "the right password does not open a locked account");
        assertTrue(admin.get("/accounts/" + t.customerId()).body().hasNonNull("lockedUntil"));

        t.resellerApi()
                .post("/accounts/" + t.customerId() + "/password", Map.of("password", "new-pass-2"))
                .expect(200);
        api.login(t.customer(), "new-pass-2").get("/me").expect(200);
    }

    /**
     * Twenty parallel creates under a one-server plan: exactly one gets through (before the fix,
     * one trial in five created two). Checked on both databases: MariaDB's own isolation level
     * would have counted from an older snapshot.
     */
    @Test
    void parallelCreatesCannotOverbookAPlan() throws Exception {
        long plan = admin.post("/reseller-plans", Map.of("name", Fixtures.unique("one"), "serverLimit", 1))
                .expect(201)
                .id();
        String reseller = Fixtures.unique("one-server");
        Fixtures.account(admin, reseller, Map.of("resellerPlanId", plan));
        Api.As r = api.login(reseller, Fixtures.PASSWORD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() ->
                        r.post("/services", Map.of("engineType", "icecast")).status()));
            }
            int created = 0;
            for (java.util.concurrent.Future<Integer> answer : answers) {
                int status = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(status == 201 || status == 409, "a create answered " + status);
                created += status == 201 ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(1, r.get("/services").body().get("total").asInt());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletingAnAccountThatOwnsAccountsNeedsCascade() {
        Tenant t = Fixtures.tenant(api, admin);
        Api.Reply refused = admin.delete("/accounts/" + t.resellerId());
        assertEquals(409, refused.status());
        assertTrue(refused.text("message").contains("cascade"), refused.raw());
        admin.get("/accounts/" + t.customerId()).expect(200);

        admin.delete("/accounts/" + t.resellerId() + "?cascade=true").expect(204);
        assertEquals(404, admin.get("/accounts/" + t.resellerId()).status());
        assertEquals(404, admin.get("/accounts/" + t.customerId()).status());
        assertEquals(401, t.resellerApi().get("/me").status());
        JsonNode audit = admin.get("/audit-log?action=account.delete&targetId=" + t.resellerId())
                .expect(200)
                .body();
        assertEquals(1, audit.get("total").asInt());
    }

    @Test
    void planLifecycleAndRefusals() {
        long plan = admin.post(
                        "/reseller-plans",
                        Map.of(
                                "name",
                                Fixtures.unique("bronze"),
                                "maxListeners",
                                50,
                                "allowedEngineTypes",
                                List.of("icecast", "shoutcast")))
                .expect(201)
                .id();
        JsonNode read = admin.get("/reseller-plans/" + plan).expect(200).body();
        assertEquals(50, read.get("maxListeners").asInt());
        assertTrue(read.get("serverLimit").isNull(), "omitted limits are unlimited");

        String holder = Fixtures.unique("holder");
        long holderId =
                Fixtures.account(admin, holder, Map.of("resellerPlanId", plan)).id();
        Api.Reply inUse = admin.delete("/reseller-plans/" + plan);
        assertEquals(409, inUse.status());
        assertTrue(inUse.text("message").contains("assigned to 1"), inUse.raw());

        Api.Reply negative = admin.put("/reseller-plans/" + plan, Map.of("name", "x", "maxListeners", -1));
        assertEquals(422, negative.status());
        assertEquals("maxListeners", negative.text("field"));
        assertEquals(
                50,
                admin.get("/reseller-plans/" + plan).body().get("maxListeners").asInt(),
                "refused update changed nothing");

        admin.patch("/accounts/" + holderId, java.util.Collections.singletonMap("resellerPlanId", null))
                .expect(200);
        assertEquals("CUSTOMER", admin.get("/accounts/" + holderId).text("kind"));
        admin.delete("/reseller-plans/" + plan).expect(204);
        assertEquals(404, admin.get("/reseller-plans/" + plan).status());
    }

    @Test
    void subResellerPlansMustFitInWhatTheParentHasLeft() {
        Tenant t = Fixtures.tenant(api, admin); // plan: 10 servers, 1000 listeners, sub-resellers allowed
        Api.Reply tooBig =
                t.resellerApi().post("/reseller-plans", Map.of("name", "huge", "serverLimit", 20, "maxListeners", 100));
        assertEquals(422, tooBig.status());
        assertTrue(tooBig.text("message").contains("serverLimit"), tooBig.raw());

        long six = t.resellerApi()
                .post("/reseller-plans", Map.of("name", "six", "serverLimit", 6, "maxListeners", 100))
                .expect(201)
                .id();
        Fixtures.account(t.resellerApi(), Fixtures.unique("sub"), Map.of("resellerPlanId", six));
        Api.Reply second = t.resellerApi()
                .post(
                        "/accounts",
                        Map.of(
                                "username",
                                Fixtures.unique("sub"),
                                "password",
                                "abcdef-12",
                                "name",
                                "Second",
                                "resellerPlanId",
                                six));
        assertEquals(422, second.status());
        assertTrue(second.text("message").contains("only 4 left"), second.raw());

        JsonNode usage = t.resellerApi()
                .get("/accounts/" + t.resellerId() + "/usage")
                .expect(200)
                .body();
        JsonNode servers = StreamSupport.stream(usage.get("lines").spliterator(), false)
                .filter(l -> l.get("limit").asText().equals("serverLimit"))
                .findFirst()
                .orElseThrow();
        assertEquals(6, servers.get("used").asInt());
        assertEquals(4, servers.get("available").asInt());

        // a customer's plan cannot be changed by the customer itself, nor assigned by a plain customer
        assertEquals(
                403,
                t.resellerApi()
                        .patch("/accounts/" + t.resellerId(), Map.of("resellerPlanId", six))
                        .status());
    }

    @Test
    void impersonationActsAsTheCustomerAndIsAudited() {
        Tenant t = Fixtures.tenant(api, admin);
        JsonNode session = t.resellerApi()
                .post("/accounts/" + t.customerId() + "/impersonate", null)
                .expect(200)
                .body();
        Api.As asCustomer = api.as(session.get("token").asText());
        JsonNode me = asCustomer.get("/me").expect(200).body();
        assertEquals(t.customer(), me.at("/account/username").asText());
        assertEquals(t.resellerId(), me.get("impersonatorId").asLong());
        assertEquals(
                403,
                asCustomer
                        .post("/accounts/" + t.customerId() + "/impersonate", null)
                        .status());

        JsonNode audit = t.resellerApi()
                .get("/audit-log?action=account.impersonate")
                .expect(200)
                .body();
        assertEquals(1, audit.get("total").asInt());
        assertEquals(t.reseller(), audit.at("/items/0/actorUsername").asText());
        asCustomer.post("/auth/logout", null).expect(204);
        assertEquals(401, asCustomer.get("/me").status());
    }

    @Test
    void listsAreSortedPagedAndFiltered() {
        Tenant t = Fixtures.tenant(api, admin);
        for (String name : List.of("zulu", "alpha", "Mike")) {
            Fixtures.account(t.resellerApi(), name + "-" + Fixtures.unique("n"), Map.of());
        }
        List<String> names =
                usernames(t.resellerApi().get("/accounts?size=200").expect(200).body());
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String.CASE_INSENSITIVE_ORDER);
        assertEquals(sorted, names, "a-z by username");
        assertEquals(5, names.size(), "the reseller itself, its customer and three more: " + names);

        JsonNode page =
                t.resellerApi().get("/accounts?size=2&page=1").expect(200).body();
        assertEquals(5, page.get("total").asInt());
        assertEquals(names.subList(2, 4), usernames(page));

        assertEquals(
                List.of(t.reseller()),
                usernames(t.resellerApi().get("/accounts?kind=reseller").body()));
        assertEquals(
                1, t.resellerApi().get("/accounts?q=ALPHA").body().get("total").asInt());
        Api.Reply badSort = t.resellerApi().get("/accounts?sort=password");
        assertEquals(400, badSort.status());
        assertEquals("sort", badSort.text("field"));
    }

    private static String q(String text) {
        return "/accounts?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void searchFindsPiecesOfNamesAndEmailsOfTheCallersOwnAccountsOnly() {
        Tenant t = Fixtures.tenant(api, admin);
        Tenant other = Fixtures.tenant(api, admin);
        String tag = Fixtures.unique("q").replaceAll("[^a-z0-9]", "");
        String mine = "cz-" + tag;
        String theirs = "zc-" + tag;
        Fixtures.account(t.resellerApi(), mine, Map.of("name", "Café Zürich " + tag, "email", tag + "@radio.example"))
                .expect(201);
        Fixtures.account(other.resellerApi(), theirs, Map.of("name", "Café Zürich " + tag))
                .expect(201);

        assertEquals(
                List.of(mine),
                usernames(t.resellerApi().get(q("zürich " + tag)).expect(200).body()));
        assertEquals(
                List.of(mine),
                usernames(t.resellerApi().get(q("ZÜRICH " + tag.toUpperCase())).body()));
        assertEquals(
                List.of(mine), usernames(t.resellerApi().get(q(tag + "@radio")).body()), "by e-mail");
        assertEquals(
                List.of(theirs),
                usernames(other.resellerApi().get(q("zürich " + tag)).body()));
        assertEquals(
                List.of(mine, theirs), usernames(admin.get(q("zürich " + tag)).body()));
        assertEquals(
                0, t.customerApi().get(q(tag)).expect(200).body().get("total").asInt(), "a customer sees itself");

        long id = admin.get(q(mine)).body().get("items").get(0).get("id").asLong();
        t.resellerApi()
                .patch("/accounts/" + id, Map.of("name", "Night Owl " + tag))
                .expect(200);
        assertEquals(
                List.of(mine),
                usernames(t.resellerApi().get(q("night owl " + tag)).body()),
                "the new name");
        assertEquals(
                List.of(),
                usernames(t.resellerApi().get(q("café zürich " + tag)).body()),
                "not the old one");
        for (String wild : List.of("%", "_", "\\", "%" + tag + "%")) {
            assertEquals(
                    0,
                    t.resellerApi().get(q(wild)).expect(200).body().get("total").asInt(),
                    "literal " + wild);
        }
    }

    @Test
    void badInputIsRefusedWithAClearErrorAndChangesNothing() {
        Tenant t = Fixtures.tenant(api, admin);
        String path = "/accounts/" + t.customerId();
        JsonNode before = admin.get(path).body();

        Api.Reply malformed = admin.call("PATCH", path, "{\"name\": ");
        assertEquals(400, malformed.status());
        assertEquals("bad_request", malformed.text("error"));

        Api.Reply wrongType = admin.patch(path, Map.of("enabled", "yes"));
        assertEquals(400, wrongType.status());
        assertEquals("enabled", wrongType.text("field"));

        Api.Reply email = admin.patch(path, Map.of("name", "Changed", "email", "not-an-email"));
        assertEquals(422, email.status());
        assertEquals("email", email.text("field"));

        Api.Reply zone = admin.patch(path, Map.of("timezone", "Mars/Olympus"));
        assertEquals(422, zone.status());
        assertEquals("timezone", zone.text("field"));

        Api.Reply taken = admin.post(
                "/accounts", Map.of("username", t.customer().toUpperCase(), "password", "abcdef-12", "name", "Dup"));
        assertEquals(409, taken.status(), "usernames are unique regardless of case");

        assertEquals(before, admin.get(path).body(), "refused changes left the account as it was");
        assertEquals(401, api.anonymous().get("/accounts").status());
        assertEquals(401, api.as("cps_forged").get("/accounts").status());
    }

    @Test
    void everythingIsStillThereAfterARestart() {
        Tenant t = Fixtures.tenant(api, admin);
        admin.patch("/accounts/" + t.customerId(), Map.of("timezone", "Europe/Berlin", "language", "de"))
                .expect(200);
        JsonNode before = admin.get("/accounts/" + t.customerId()).body();
        long accountsBefore = admin.get("/accounts").body().get("total").asLong();

        panel.restart();

        Api.As adminAgain = panel.admin();
        assertEquals(before, adminAgain.get("/accounts/" + t.customerId()).body());
        assertEquals(
                accountsBefore, adminAgain.get("/accounts").body().get("total").asLong());
        api.login(t.customer(), Fixtures.PASSWORD).get("/me").expect(200);
        api.as(t.resellerApi().token()).get("/me").expect(200); // sessions survive too
        Fixtures.account(adminAgain, Fixtures.unique("after-restart"), Map.of());
    }

    static List<String> usernames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("username").asText()));
        return names;
    }
}
