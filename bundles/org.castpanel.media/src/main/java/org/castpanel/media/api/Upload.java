/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

/**
 * A resumable upload: {@code offsetBytes} of {@code lengthBytes} received so far. When complete,
 * {@code file} is the indexed library file.
 */
public record Upload(
        String id, long accountId, String folder, String name, long lengthBytes, long offsetBytes, MediaFile file) {}
