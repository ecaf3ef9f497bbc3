/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.time.Instant;

/** Who is on the air live: the DJ's name and since when; null in {@link NowPlaying} while the AutoDJ plays. */
public record LiveStatus(String dj, Instant since) {}
