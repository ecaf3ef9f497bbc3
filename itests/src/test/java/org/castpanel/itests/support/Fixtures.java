/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds tenants through the public API, with names no other test uses. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    private Fixtures() {}

    public static String unique(String base) {
        return base + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A reseller plan, a reseller on it and one customer of that reseller, all logged in. */
    public record Tenant(
            long planId,
            long resellerId,
            String reseller,
            Api.As resellerApi,
            long customerId,
            String customer,
            Api.As customerApi) {}

    public static final String PASSWORD = "pass-word-1";

    public static Tenant tenant(Api api, Api.As admin) {
        long plan = admin.post(
                        "/reseller-plans",
                        Map.of(
                                "name",
                                unique("plan"),
                                "serverLimit",
                                10,
                                "maxListeners",
                                1000,
                                "subResellersAllowed",
                                true))
                .expect(201)
                .id();
        String reseller = unique("reseller");
        long resellerId =
                account(admin, reseller, Map.of("resellerPlanId", plan)).id();
        Api.As resellerApi = api.login(reseller, PASSWORD);
        String customer = unique("customer");
        long customerId = account(resellerApi, customer, Map.of()).id();
        return new Tenant(plan, resellerId, reseller, resellerApi, customerId, customer, api.login(customer, PASSWORD));
    }

    /** A customer whose reseller's plan allows {@code diskQuotaMb} of disk (and no services yet). */
    public record DiskCustomer(Api.As resellerApi, long customerId, String customer) {}

    public static DiskCustomer customerWithDisk(Api api, Api.As admin, long diskQuotaMb) {
        long plan = admin.post(
                        "/reseller-plans",
                        Map.of(
                                "name",
                                unique("disk"),
                                "serverLimit",
                                2,
                                "maxListeners",
                                10,
                                "diskQuotaMb",
                                diskQuotaMb))
                .expect(201)
                .id();
        String reseller = unique("r");
        account(admin, reseller, Map.of("resellerPlanId", plan));
        Api.As resellerApi = api.login(reseller, PASSWORD);
        String customer = unique("c");
        long customerId = account(resellerApi, customer, Map.of()).id();
        return new DiskCustomer(resellerApi, customerId, customer);
    }

    public static Api.Reply account(Api.As as, String username, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "username",
                username,
                "password",
                PASSWORD,
                "name",
                "Name of " + username,
                "email",
                username + "@example.com"));
        body.putAll(extra);
        return as.post("/accounts", body).expect(201);
    }

    /** Waits (at most 60 s) until a queued action succeeded; fails at once with the action when it failed. */
    public static void awaitAction(Api.As as, long action) {
        Await.until("action " + action + " to succeed", java.time.Duration.ofSeconds(60), () -> {
            String status = as.get("/actions/" + action).body().get("status").asText();
            if ("FAILED".equals(status)) {
                throw new AssertionError(
                        "action failed: " + as.get("/actions/" + action).raw());
            }
            return "SUCCEEDED".equals(status);
        });
    }
}
