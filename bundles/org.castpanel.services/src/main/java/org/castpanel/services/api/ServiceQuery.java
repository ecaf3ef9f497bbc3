/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

/** Filters for listing services; null filters match everything. Newest first. */
public record ServiceQuery(
        Long ownerId, String engineType, ServiceState state, Boolean suspended, int page, int size) {}
