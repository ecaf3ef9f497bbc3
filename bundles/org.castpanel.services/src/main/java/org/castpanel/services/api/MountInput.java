/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

/** The fields of a mount point as a caller sends them, on create and on (full) update. */
public record MountInput(
        String name,
        Integer maxListeners,
        String fallbackMount,
        Boolean hidden,
        String streamName,
        String description,
        String genre) {}
