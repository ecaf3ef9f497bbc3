/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

/**
 * The disk a customer's media uses (library files and its services' recordings) against its
 * quota; {@code quotaBytes} and {@code availableBytes} are null when unlimited. {@code reservedBytes}
 * is what uploads in progress have claimed.
 */
public record LibraryUsage(long usedBytes, long reservedBytes, Long quotaBytes, Long availableBytes, long files) {}
