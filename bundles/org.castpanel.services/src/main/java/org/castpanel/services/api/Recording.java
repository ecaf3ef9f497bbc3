/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.time.Instant;

/** A recorded stream of a media service: a file in the service's {@code recordings/} folder. */
public record Recording(String name, long sizeBytes, Instant createdAt) {}
