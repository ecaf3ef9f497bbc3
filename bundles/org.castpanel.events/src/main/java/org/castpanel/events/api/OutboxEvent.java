/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.events.api;

import java.time.Instant;

/** One durable event as a listener receives it; {@code data} is JSON. */
public record OutboxEvent(long id, String type, String ownerPath, String data, Instant at) {}
