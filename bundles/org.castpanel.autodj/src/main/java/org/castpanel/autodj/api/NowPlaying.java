/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.api;

import java.util.List;

/**
 * What an AutoDJ station plays now ({@code current}, null when nothing went on the air yet), what
 * it will play next when chosen already, and the tracks before, newest first. The public form
 * (no login, for web-site widgets) carries the same, with the station's name. {@code live}: the DJ
 * on the air instead of the AutoDJ (null while the AutoDJ plays).
 */
public record NowPlaying(
        long serviceId,
        String station,
        PlayedTrack current,
        PlayedTrack next,
        List<PlayedTrack> recent,
        LiveStatus live) {}
