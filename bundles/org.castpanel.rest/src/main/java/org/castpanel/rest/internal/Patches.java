/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.castpanel.accounts.api.AccountChanges;
import org.castpanel.core.api.AccountType;
import org.castpanel.core.api.CastPanelException;

/**
 * Turns a JSON merge-patch body into a typed partial update: absent fields stay unchanged, null
 * clears the fields that may be empty, anything else of the wrong type is a 400 naming the field.
 */
final class Patches {

    static final Set<String> ACCOUNT_FIELDS = Set.of(
            "name",
            "contactNumber",
            "email",
            "type",
            "enabled",
            "apiAccess",
            "accessibility",
            "sendWelcomeEmail",
            "timezone",
            "language",
            "resellerPlanId",
            "password",
            "currentPassword");

    private Patches() {}

    static AccountChanges accountChanges(Map<String, Object> patch) {
        for (String field : patch.keySet()) {
            if (!ACCOUNT_FIELDS.contains(field)) {
                throw CastPanelException.badRequest(field, "unknown field '" + field + "'");
            }
        }
        return new AccountChanges(
                string(patch, "name"),
                optionalString(patch, "contactNumber"),
                optionalString(patch, "email"),
                type(patch),
                bool(patch, "enabled"),
                bool(patch, "apiAccess"),
                bool(patch, "accessibility"),
                bool(patch, "sendWelcomeEmail"),
                string(patch, "timezone"),
                string(patch, "language"),
                optionalLong(patch, "resellerPlanId"),
                string(patch, "password"),
                string(patch, "currentPassword"));
    }

    static String string(Map<String, Object> patch, String field) {
        Object value = patch.get(field);
        if (value == null) {
            if (patch.containsKey(field)) {
                throw CastPanelException.invalid(field, field + " cannot be empty");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw CastPanelException.badRequest(field, field + " must be a string");
        }
        return s;
    }

    static Optional<String> optionalString(Map<String, Object> patch, String field) {
        if (!patch.containsKey(field)) {
            return null;
        }
        Object value = patch.get(field);
        if (value != null && !(value instanceof String)) {
            throw CastPanelException.badRequest(field, field + " must be a string or null");
        }
        return Optional.ofNullable((String) value);
    }

    static Boolean bool(Map<String, Object> patch, String field) {
        Object value = patch.get(field);
        if (value == null) {
            if (patch.containsKey(field)) {
                throw CastPanelException.badRequest(field, field + " must be true or false");
            }
            return null;
        }
        if (!(value instanceof Boolean b)) {
            throw CastPanelException.badRequest(field, field + " must be true or false");
        }
        return b;
    }

    static Optional<Long> optionalLong(Map<String, Object> patch, String field) {
        if (!patch.containsKey(field)) {
            return null;
        }
        Object value = patch.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw CastPanelException.badRequest(field, field + " must be a whole number or null");
        }
        return Optional.of(((Number) value).longValue());
    }

    private static AccountType type(Map<String, Object> patch) {
        String value = string(patch, "type");
        if (value == null) {
            return null;
        }
        try {
            return AccountType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw CastPanelException.invalid("type", "type must be ADMINISTRATOR or CUSTOMER");
        }
    }
}
