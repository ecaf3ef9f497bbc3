/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

/** A track's embedded cover art as stored in the file. */
public record Cover(String contentType, byte[] data) {}
