/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.core.api;

import java.time.Instant;

/** Something that happened to a service outside an action: a crash, a restart by the reconciler, a source cut. */
public record ServiceEvent(long id, long serviceId, Instant at, String message) {}
