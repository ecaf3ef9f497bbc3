/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

/**
 * A two-factor setup in progress: the shared secret (Base32) for an authenticator app, as text and
 * as the {@code otpauth://} URI apps read. It takes effect once a code from the app confirms it.
 */
public record TwoFactorSetup(String secret, String otpauthUri) {}
