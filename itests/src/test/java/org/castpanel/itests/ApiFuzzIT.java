/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, as every role, with bodies built from the document's
 * schemas and then broken (wrong types, huge numbers, long strings, control characters, unknown
 * fields, not JSON at all) and with other tenants' and nonsense ids: no answer is a 5xx, and a
 * refused request changes nothing of the victim tenant. Seeded, so a failure replays.
 *
 * <p>
 * Logins are fuzzed only with malformed bodies: every well-formed wrong login counts against this
 * machine's address (that throttling has its own tests), and the suite shares that address.
 */
@WithPanel("h2")
class ApiFuzzIT {

    private static final long SEED = 20261201L;
    private static final String LONG = "x".repeat(20_000);
    private static final List<Object> NASTY_VALUES = List.of(
            "",
            LONG,
            "a\u0000b",
            "line\nbreak\r\n",
            "</x><y>",
            "${jndi:ldap://x}",
            "'; DROP TABLE cp_account; --",
            "../../etc/passwd",
            "\u202e\ud83d\ude00",
            -1,
            Long.MAX_VALUE,
            1e308,
            -2147483649L,
            true,
            List.of(1, 2),
            Map.of("nested", Map.of("deep", 1)));
    /** Field names the map-typed PATCH bodies accept, plus some they do not. */
    private static final List<String> PATCH_FIELDS = List.of(
            "name",
            "email",
            "password",
            "currentPassword",
            "type",
            "enabled",
            "apiAccess",
            "timezone",
            "language",
            "resellerPlanId",
            "maxListeners",
            "maxBitrateKbps",
            "diskQuotaMb",
            "dataTransferGb",
            "mountPoints",
            "config",
            "ownerId",
            "id",
            "path",
            "passwordHash");

    @Test
    void noOperationAnswers5xxAndRefusalsChangeNothing(Panel panel) throws Exception {
        Api api = panel.api();
        Api.As admin = panel.admin();
        Fixtures.Tenant attacker = Fixtures.tenant(api, admin);
        Fixtures.Tenant victim = Fixtures.tenant(api, admin);
        Ids ids = Ids.of(victim, admin);
        Snapshot before = Snapshot.of(admin, ids);

        JsonNode document = api.anonymous().get("/openapi.json").expect(200).body();
        Map<String, Api.As> roles = new LinkedHashMap<>();
        roles.put("anonymous", api.anonymous());
        roles.put("customer", attacker.customerApi());
        roles.put("reseller", attacker.resellerApi());
        roles.put("administrator", admin);

        Random random = new Random(SEED);
        int requests = 0;
        int refused = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        Set<String> failures = new TreeSet<>();
        // deletes last: they may succeed for the administrator, and then the rest would only see 404
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                operations.add(new String[] {methods.next().toUpperCase(), path.getKey()});
            }
        }
        operations.sort((a, b) -> Boolean.compare(a[0].equals("DELETE"), b[0].equals("DELETE")));

        for (String[] operation : operations) {
            String method = operation[0];
            String template = operation[1];
            if (skipped(method, template)) {
                continue;
            }
            JsonNode op = document.get("paths").get(template).get(method.toLowerCase());
            JsonNode schema = op.at("/requestBody/content/application~1json/schema");
            for (Map.Entry<String, Api.As> role : roles.entrySet()) {
                boolean administrator = role.getKey().equals("administrator");
                for (String path : paths(template, ids, administrator)) {
                    for (Object body : bodies(schema, document, template, random)) {
                        Api.Reply reply = role.getValue().call(method, path, body);
                        requests++;
                        statuses.merge(reply.status(), 1, Integer::sum);
                        if (reply.status() >= 500) {
                            failures.add(role.getKey() + " " + method + " " + path + " → " + reply.status() + " "
                                    + abbreviate(String.valueOf(body)) + ": " + abbreviate(reply.raw()));
                        }
                        if (reply.status() >= 400 && !method.equals("GET")) {
                            refused++;
                        }
                    }
                }
            }
            // after each operation: whatever was refused, the victim is as it was (the administrator
            // is the one role allowed to change it, and it is given nonsense ids only)
            Snapshot now = Snapshot.of(admin, ids);
            if (!now.equals(before)) {
                failures.add(
                        "after " + method + " " + template + " the victim tenant changed: " + before + " → " + now);
                before = now;
            }
        }
        System.out.printf("API fuzz: %d requests, %d refused writes, statuses %s%n", requests, refused, statuses);
        assertTrue(failures.isEmpty(), failures.size() + " findings:\n" + String.join("\n", failures));
        assertTrue(requests > 2000, "the fuzz ran " + requests + " requests");
        assertEquals(0, statuses.keySet().stream().filter(s -> s >= 500).count());
    }

    /** Logout would end the roles' sessions; logins are fuzzed with malformed bodies only (see the class comment). */
    private static boolean skipped(String method, String template) {
        return template.equals("/auth/logout") || template.equals("/events");
    }

    /** The victim's ids, for cross-tenant requests, and nonsense. The administrator gets nonsense only. */
    private static List<String> paths(String template, Ids ids, boolean administrator) {
        if (!template.contains("{")) {
            return List.of(template);
        }
        List<String> paths = new ArrayList<>();
        List<Map<String, String>> choices = new ArrayList<>();
        if (!administrator) {
            choices.add(Map.of(
                    "id",
                    template.startsWith("/services")
                            ? Long.toString(ids.service)
                            : template.startsWith("/reseller-plans")
                                    ? Long.toString(ids.plan)
                                    : template.startsWith("/actions")
                                            ? Long.toString(ids.action)
                                            : template.startsWith("/engines") ? "icecast" : Long.toString(ids.customer),
                    "keyId",
                    Long.toString(ids.apiKey),
                    "mountId",
                    Long.toString(ids.mount),
                    "name",
                    "broadcast.flv",
                    "type",
                    "icecast",
                    "fileId",
                    "1",
                    "uploadId",
                    "0123456789abcdef0123456789abcdef",
                    "playlistId",
                    "1",
                    "djId",
                    "1",
                    "requestId",
                    "1"));
        }
        choices.add(Map.of(
                "id",
                "999999999",
                "keyId",
                "0",
                "mountId",
                "-1",
                "name",
                "..%2F..%2Fsecret",
                "type",
                "no-such-engine",
                "fileId",
                "999999999",
                "uploadId",
                "..%2F..%2Fsecret",
                "playlistId",
                "999999999",
                "djId",
                "999999999",
                "requestId",
                "999999999"));
        choices.add(Map.of(
                "id",
                "abc",
                "keyId",
                "1e9",
                "mountId",
                "99999999999999999999999",
                "name",
                "%00",
                "type",
                "%2e%2e",
                "fileId",
                "-1",
                "uploadId",
                "%00",
                "playlistId",
                "1e9",
                "djId",
                "-1",
                "requestId",
                "%00"));
        for (Map<String, String> choice : choices) {
            String path = template;
            for (Map.Entry<String, String> e : choice.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            paths.add(path);
        }
        return paths;
    }

    /** A plausible body from the schema, then the same broken in each way. */
    private static List<Object> bodies(JsonNode schema, JsonNode document, String template, Random random) {
        List<Object> bodies = new ArrayList<>();
        if (schema.isMissingNode()) {
            bodies.add(null);
            bodies.add("{}");
            return bodies;
        }
        JsonNode resolved = resolve(schema, document);
        Map<String, Object> plausible = new LinkedHashMap<>();
        JsonNode properties = resolved.get("properties");
        List<String> fields = new ArrayList<>();
        if (properties != null) {
            properties.fieldNames().forEachRemaining(fields::add);
        } else if (resolved.has("additionalProperties")) {
            fields.addAll(PATCH_FIELDS);
        }
        boolean login = template.startsWith("/auth/login");
        for (String field : fields) {
            JsonNode type = properties == null ? null : resolve(properties.get(field), document);
            plausible.put(field, plausibleValue(type));
        }
        if (!login) {
            bodies.add(plausible);
            for (String field : fields) {
                Map<String, Object> broken = new LinkedHashMap<>(plausible);
                broken.put(field, NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size())));
                bodies.add(broken);
            }
        }
        Map<String, Object> wrongTypes = new LinkedHashMap<>();
        for (String field : fields) {
            Object value = plausible.get(field);
            wrongTypes.put(field, value instanceof String ? (Object) 12345 : "not a " + field);
        }
        bodies.add(wrongTypes);
        Map<String, Object> unknown = new LinkedHashMap<>(login ? Map.of() : plausible);
        unknown.put("isAdmin", true);
        bodies.add(unknown);
        bodies.add("{\"unterminated\": ");
        bodies.add("[1, 2, 3]");
        bodies.add("\"just a string\"");
        bodies.add("{\"a\": " + "[".repeat(2000) + "]".repeat(2000) + "}");
        return bodies;
    }

    private static Object plausibleValue(JsonNode type) {
        String kind =
                type == null || !type.has("type") ? "string" : type.get("type").asText();
        return switch (kind) {
            case "integer", "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default ->
                type != null && type.has("enum") ? type.get("enum").get(0).asText() : "fuzz-value-1";
        };
    }

    private static JsonNode resolve(JsonNode schema, JsonNode document) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return document.get("components").get("schemas").get(name);
        }
        return schema == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : schema;
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    /** The victim tenant's objects the fuzz aims at. */
    record Ids(long customer, long reseller, long plan, long service, long mount, long action, long apiKey) {
        static Ids of(Fixtures.Tenant victim, Api.As admin) {
            long service = victim.resellerApi()
                    .post(
                            "/services",
                            Map.of(
                                    "ownerId",
                                    victim.customerId(),
                                    "engineType",
                                    "icecast",
                                    "maxListeners",
                                    10,
                                    "mountPoints",
                                    3))
                    .expect(201)
                    .id();
            long mount = victim.customerApi()
                    .post("/services/" + service + "/mounts", Map.of("name", "/second"))
                    .expect(201)
                    .id();
            long action = victim.customerApi()
                    .post("/services/" + service + "/actions", Map.of("action", "stop"))
                    .expect(202)
                    .id();
            org.castpanel.itests.support.Await.until(
                    "the victim's action to finish",
                    java.time.Duration.ofSeconds(30),
                    () -> "SUCCEEDED".equals(admin.get("/actions/" + action).text("status")));
            victim.resellerApi()
                    .patch("/accounts/" + victim.customerId(), Map.of("apiAccess", true))
                    .expect(200);
            long key = victim.customerApi()
                    .post("/accounts/" + victim.customerId() + "/api-keys", Map.of("label", "victim"))
                    .expect(201)
                    .id();
            return new Ids(victim.customerId(), victim.resellerId(), victim.planId(), service, mount, action, key);
        }
    }

    /** What the victim has, as the administrator sees it, without what changes by itself (timestamps of use). */
    record Snapshot(String customer, String reseller, String plan, String service, String mounts, String keys) {
        static Snapshot of(Api.As admin, Ids ids) {
            ObjectNode service =
                    (ObjectNode) admin.get("/services/" + ids.service).body();
            service.remove("state"); // the stop action may still be finishing
            service.remove("stateDetail");
            JsonNode keys = admin.get("/accounts/" + ids.customer + "/api-keys").body();
            keys.forEach(k -> ((ObjectNode) k).remove("lastUsedAt"));
            return new Snapshot(
                    admin.get("/accounts/" + ids.customer).raw(),
                    admin.get("/accounts/" + ids.reseller).raw(),
                    admin.get("/reseller-plans/" + ids.plan).raw(),
                    service.toString(),
                    admin.get("/services/" + ids.service + "/mounts").raw(),
                    keys.toString());
        }
    }
}
