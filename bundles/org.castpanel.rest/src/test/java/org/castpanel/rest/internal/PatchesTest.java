/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.castpanel.accounts.api.AccountChanges;
import org.castpanel.core.api.AccountType;
import org.castpanel.core.api.CastPanelException;
import org.junit.jupiter.api.Test;

class PatchesTest {

    @Test
    void absentFieldsStayUnchangedAndNullClears() {
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "New");
        patch.put("email", null);
        patch.put("resellerPlanId", 7);
        patch.put("type", "CUSTOMER");
        AccountChanges changes = Patches.accountChanges(patch);
        assertEquals("New", changes.name());
        assertEquals(Optional.empty(), changes.email());
        assertNull(changes.contactNumber(), "absent: unchanged");
        assertEquals(Optional.of(7L), changes.resellerPlanId());
        assertEquals(AccountType.CUSTOMER, changes.type());
        assertNull(changes.enabled());
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        assertEquals(
                "enabled",
                assertThrows(CastPanelException.class, () -> Patches.accountChanges(Map.of("enabled", "yes")))
                        .field());
        assertEquals(
                "nmae",
                assertThrows(CastPanelException.class, () -> Patches.accountChanges(Map.of("nmae", "x")))
                        .field());
        assertEquals(
                "resellerPlanId",
                assertThrows(CastPanelException.class, () -> Patches.accountChanges(Map.of("resellerPlanId", 1.5)))
                        .field());
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        assertEquals(
                CastPanelException.Kind.INVALID,
                assertThrows(CastPanelException.class, () -> Patches.accountChanges(nullName))
                        .kind());
    }

    @Test
    void everyRefusalKindHasItsStatus() {
        assertEquals(422, Errors.of(CastPanelException.invalid("f", "m")).getStatus());
        assertEquals(404, Errors.of(CastPanelException.notFound("account", 1)).getStatus());
        assertEquals(403, Errors.of(CastPanelException.forbidden("m")).getStatus());
        assertEquals(409, Errors.of(CastPanelException.conflict("m")).getStatus());
        assertEquals(401, Errors.of(CastPanelException.unauthenticated("m")).getStatus());
        assertEquals(400, Errors.of(CastPanelException.badRequest("f", "m")).getStatus());
        Errors.Body body = (Errors.Body)
                Errors.of(CastPanelException.invalid("password", "too short")).getEntity();
        assertEquals(new Errors.Body("invalid", "too short", "password"), body);
    }
}
