/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

/** The core limits of a media service; null is unlimited. Bitrate in kbit/s, disk in MB, transfer in GB/month. */
public record ServiceLimits(
        Integer maxListeners, Integer maxBitrateKbps, Long diskQuotaMb, Long dataTransferGb, Integer mountPoints) {}
