/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EngineTypeTest {

    private final EngineType icecast = EngineType.server(
            "icecast", "Icecast 2", MediaKind.AUDIO, Set.of(), List.of(), Set.of(SourceProtocols.ICECAST));
    private final EngineType shoutcast = EngineType.server(
            "shoutcast2",
            "Shoutcast 2",
            MediaKind.AUDIO,
            Set.of(),
            List.of(),
            Set.of(SourceProtocols.SHOUTCAST2, SourceProtocols.SHOUTCAST1));
    private final EngineType video =
            EngineType.server("nginx-rtmp", "Nginx-RTMP", MediaKind.VIDEO, Set.of(), List.of());
    private final EngineType autodj = EngineType.source(
            "autodj",
            "AutoDJ",
            MediaKind.AUDIO,
            Set.of(),
            List.of(),
            Set.of(SourceProtocols.ICECAST, SourceProtocols.SHOUTCAST2));

    @Test
    void aSourceFeedsAServerThroughAProtocolBothKnow() {
        assertEquals(SourceProtocols.ICECAST, icecast.protocolFor(autodj));
        assertEquals(SourceProtocols.SHOUTCAST2, shoutcast.protocolFor(autodj));
        assertNull(video.protocolFor(autodj), "a server that accepts no sources");
        assertEquals(EngineRole.SOURCE, autodj.role());
    }

    @Test
    void aSourceMustSayWhatItSpeaks() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> EngineType.source("mute", "Mute", MediaKind.AUDIO, Set.of(), List.of(), Set.of()));
        assertEquals("source engine type mute must name the protocols it speaks", e.getMessage());
    }
}
