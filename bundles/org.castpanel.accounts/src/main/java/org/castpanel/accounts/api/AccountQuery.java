/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.api;

/**
 * A page of accounts. {@code search} matches username, name or email (case-insensitive
 * substring); {@code sort} is one of username, name, email, createdAt, optionally prefixed
 * with '-' for descending; the default is username a–z.
 */
public record AccountQuery(
        String search, AccountKind kind, Boolean enabled, Long parentId, String sort, int page, int size) {}
