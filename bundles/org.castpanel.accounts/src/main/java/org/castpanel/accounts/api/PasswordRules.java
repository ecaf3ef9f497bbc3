/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

/**
 * What a new password must satisfy, for forms to say so before the server refuses: at least
 * {@code minLength} characters, and not one of the most common passwords.
 */
public record PasswordRules(int minLength, int maxLength, boolean commonPasswordsRefused) {}
