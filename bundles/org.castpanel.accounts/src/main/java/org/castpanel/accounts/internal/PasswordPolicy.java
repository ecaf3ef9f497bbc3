/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Validation;

/**
 * What a new password must be: at least the administrator's minimum length (never below the
 * seed's 5 characters) and not one of the 10,000 most common passwords shipped with the panel.
 * Passwords set before a stricter policy keep working; the policy applies when one is set.
 */
final class PasswordPolicy {

    /** The floor no configuration goes below (the product specification's minimum). */
    static final int FLOOR = Validation.MIN_PASSWORD;

    private static volatile Set<String> common;

    private PasswordPolicy() {}

    static int minLength(AccountsConfig config) {
        return Math.max(FLOOR, config.minPasswordLength());
    }

    static String check(String field, String password, AccountsConfig config) {
        int min = minLength(config);
        if (password == null || password.length() < min) {
            throw CastPanelException.invalid(field, "password must be at least " + min + " characters long");
        }
        Validation.password(field, password);
        if (common().contains(password.toLowerCase(Locale.ROOT))) {
            throw CastPanelException.invalid(
                    field, "this password is one of the most common ones and is guessed first; choose another");
        }
        return password;
    }

    private static Set<String> common() {
        Set<String> list = common;
        if (list == null) {
            list = load();
            common = list;
        }
        return list;
    }

    private static Set<String> load() {
        Set<String> list = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the accounts bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    list.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(list);
    }
}
