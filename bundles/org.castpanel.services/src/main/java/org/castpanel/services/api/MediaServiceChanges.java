/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.api;

import java.util.Map;
import java.util.Optional;

/** A partial update; null leaves a field as it is, {@code Optional.empty()} makes a limit unlimited. */
public record MediaServiceChanges(
        String name,
        Optional<Integer> maxListeners,
        Optional<Integer> maxBitrateKbps,
        Optional<Long> diskQuotaMb,
        Optional<Long> dataTransferGb,
        Optional<Integer> mountPoints,
        Map<String, Object> config) {}
