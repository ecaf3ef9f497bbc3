/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two-factor authentication as a user meets it: set up with an authenticator app (the codes here
 * come from a TOTP implementation of the test's own), the second login step, one-time codes and
 * recovery codes, a manager's reset, and the administrator's policy for a role.
 */
@WithPanel("h2")
class TwoFactorIT {

    @Test
    void setUpLogInWithACodeOrARecoveryCodeAndReset(Panel panel) throws Exception {
        Api api = panel.api();
        Fixtures.Tenant t = Fixtures.tenant(api, panel.admin());
        Api.As me = t.customerApi();

        Api.Reply noPassword = me.post("/me/two-factor", Map.of());
        assertEquals(422, noPassword.status(), noPassword.raw());
        assertEquals("currentPassword", noPassword.text("field"));
        JsonNode setup = me.post("/me/two-factor", Map.of("currentPassword", Fixtures.PASSWORD))
                .expect(200)
                .body();
        String secret = setup.get("secret").asText();
        assertTrue(setup.get("otpauthUri")
                .asText()
                .startsWith("otpauth://totp/CastPanel:" + t.customer() + "?secret=" + secret));
        assertEquals(
                422, me.post("/me/two-factor/confirm", Map.of("code", "000000")).status());
        assertFalse(
                me.get("/me").body().at("/account/twoFactorEnabled").asBoolean(), "not on before a code confirms it");
        JsonNode codes = me.post("/me/two-factor/confirm", Map.of("code", code(secret, 0)))
                .expect(200)
                .body()
                .get("recoveryCodes");
        assertEquals(10, codes.size());
        assertTrue(me.get("/me").body().at("/account/twoFactorEnabled").asBoolean());

        // the password alone opens no session
        JsonNode first = api.anonymous()
                .post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD))
                .expect(200)
                .body();
        assertTrue(first.path("token").isNull() || first.path("token").isMissingNode(), first.toString());
        String challenge = first.get("challenge").asText();
        assertEquals(
                401,
                api.anonymous()
                        .post("/auth/login/two-factor", Map.of("challenge", challenge, "code", "123456"))
                        .status());
        String next = code(secret, 1); // the current step's code was used by the confirmation
        String token = api.anonymous()
                .post("/auth/login/two-factor", Map.of("challenge", challenge, "code", next))
                .expect(200)
                .text("token");
        api.as(token).get("/me").expect(200);
        assertEquals(
                401,
                api.anonymous()
                        .post("/auth/login/two-factor", Map.of("challenge", challenge, "code", next))
                        .status(),
                "a challenge opens one session");

        String again = api.anonymous()
                .post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD))
                .expect(200)
                .text("challenge");
        assertEquals(
                401,
                api.anonymous()
                        .post("/auth/login/two-factor", Map.of("challenge", again, "code", next))
                        .status(),
                "a code works once");
        String recovery = codes.get(0).asText();
        api.anonymous()
                .post("/auth/login/two-factor", Map.of("challenge", again, "code", recovery))
                .expect(200);
        String third = api.anonymous()
                .post("/auth/login", Map.of("username", t.customer(), "password", Fixtures.PASSWORD))
                .expect(200)
                .text("challenge");
        assertEquals(
                401,
                api.anonymous()
                        .post("/auth/login/two-factor", Map.of("challenge", third, "code", recovery))
                        .status(),
                "a recovery code works once");

        // someone else's reseller cannot reset it; the customer's own can (a lost phone)
        assertEquals(
                404,
                Fixtures.tenant(api, panel.admin())
                        .resellerApi()
                        .post("/accounts/" + t.customerId() + "/two-factor/reset", null)
                        .status());
        t.resellerApi()
                .post("/accounts/" + t.customerId() + "/two-factor/reset", null)
                .expect(204);
        assertEquals(401, api.as(token).get("/me").status(), "the reset ended its sessions");
        api.login(t.customer(), Fixtures.PASSWORD).get("/me").expect(200);
    }

    @Test
    void aRoleThePolicyCoversMustSetItUpBeforeAnythingElse(Panel panel) throws Exception {
        Fixtures.Tenant t = Fixtures.tenant(panel.api(), panel.admin());
        Path cfg = panel.home().resolve("etc/org.castpanel.core.cfg");
        String original = Files.readString(cfg);
        Api.As reseller = t.resellerApi();
        try {
            Files.writeString(cfg, original + "\ntwoFactorRequiredFor = resellers\n");
            Await.until(
                    "the policy to apply",
                    Duration.ofSeconds(30),
                    () -> reseller.get("/services").status() == 403);
            Api.Reply refused = reseller.get("/accounts");
            assertEquals("two_factor_required", refused.text("error"), refused.raw());
            assertTrue(reseller.get("/me")
                    .expect(200)
                    .body()
                    .get("twoFactorSetupRequired")
                    .asBoolean());
            t.customerApi().get("/services").expect(200); // customers are not covered

            String secret = reseller.post("/me/two-factor", Map.of("currentPassword", Fixtures.PASSWORD))
                    .expect(200)
                    .text("secret");
            reseller.post("/me/two-factor/confirm", Map.of("code", code(secret, 0)))
                    .expect(200);
            reseller.get("/services").expect(200);
            assertEquals(
                    409,
                    reseller.post("/me/two-factor/disable", Map.of("currentPassword", Fixtures.PASSWORD))
                            .status(),
                    "a required second factor cannot be turned off");
        } finally {
            Files.writeString(cfg, original);
        }
        Await.until(
                "the policy to be lifted",
                Duration.ofSeconds(30),
                () -> reseller.post("/me/two-factor/disable", Map.of("currentPassword", Fixtures.PASSWORD))
                                .status()
                        == 204);
    }

    /** RFC 6238 with SHA-1, 30 s, 6 digits, written here independently of the panel's own. */
    static String code(String base32, int stepsAhead) throws Exception {
        long step = System.currentTimeMillis() / 30_000 + stepsAhead;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32Decode(base32), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[19] & 0xf;
        int value = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff))
                % 1_000_000;
        return String.format("%06d", value);
    }

    private static byte[] base32Decode(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = buffer << 5 | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((int) (buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
