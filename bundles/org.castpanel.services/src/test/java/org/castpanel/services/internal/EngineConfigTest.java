/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.platform.OutboundTargets;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    static final List<ConfigField> FIELDS = List.of(
            new ConfigField(
                    "mount",
                    "Mount point",
                    ConfigField.Type.TEXT,
                    false,
                    2L,
                    64L,
                    null,
                    false,
                    "/stream",
                    "/ then letters",
                    "/[A-Za-z0-9._-]{1,63}"),
            ConfigField.integer("port", "Port", 1, 65535, null, null),
            new ConfigField(
                    "target",
                    "Restream server",
                    ConfigField.Type.TARGET_URL,
                    false,
                    null,
                    300L,
                    null,
                    false,
                    null,
                    null),
            new ConfigField(
                    "website", "Station website", ConfigField.Type.URL, false, null, 300L, null, false, null, null));

    static final OutboundTargets ANY_HOST = host -> {};

    /** Refuses one host, as the platform's policy refuses internal ones. */
    static final OutboundTargets NOT_INTERNAL = host -> {
        if (host.equals("127.0.0.1")) {
            throw new IllegalArgumentException("the host 127.0.0.1 is a loopback address");
        }
    };

    @Test
    void aTextOfTheWrongFormIsRefusedNamingTheFieldAndTheRule() {
        CastPanelException e = assertThrows(
                CastPanelException.class,
                () -> EngineConfig.validate(FIELDS, null, Map.of("mount", "live stream"), ANY_HOST));
        assertEquals("config.mount", e.field());
        assertEquals("Mount point is not of the expected form: / then letters", e.getMessage());
        assertThrows(
                CastPanelException.class,
                () -> EngineConfig.validate(FIELDS, null, Map.of("mount", "/a\n</x>"), ANY_HOST));
    }

    @Test
    void aPathStaysInsideTheMediaFolderWhateverItsMetacharacters() {
        List<ConfigField> fields = List.of(ConfigField.builder("folder", ConfigField.Type.PATH)
                .label("Playlist folder")
                .maxLength(500)
                .build());
        assertEquals(
                "music/rock & roll/80's",
                EngineConfig.validate(fields, null, Map.of("folder", "music/rock & roll/80's"), ANY_HOST)
                        .get("folder"));
        assertEquals(
                "..hidden/..x",
                EngineConfig.validate(fields, null, Map.of("folder", "..hidden/..x"), ANY_HOST)
                        .get("folder"),
                "dots inside a name are a name");
        for (String bad : List.of(
                "../etc",
                "music/../../etc",
                "/etc/passwd",
                "music//rock",
                "music/./rock",
                ".",
                "..",
                "music/",
                "music\\..\\..\\etc",
                "music/\u0000x",
                "music\nrock")) {
            CastPanelException e = assertThrows(
                    CastPanelException.class,
                    () -> EngineConfig.validate(fields, null, Map.of("folder", bad), ANY_HOST),
                    bad);
            assertEquals("config.folder", e.field(), bad);
        }
    }

    @Test
    void givenValuesOverPreviousOnesAndDefaultsForTheRest() {
        assertEquals(Map.of("mount", "/live"), EngineConfig.validate(FIELDS, null, Map.of("mount", "/live"), ANY_HOST));
        assertEquals(
                Map.of("mount", "/stream", "port", 8000L),
                EngineConfig.validate(FIELDS, Map.of("port", 8000), Map.of(), ANY_HOST));
        assertEquals(
                "config.port",
                assertThrows(
                                CastPanelException.class,
                                () -> EngineConfig.validate(FIELDS, null, Map.of("port", 70000), ANY_HOST))
                        .field());
        assertEquals(
                "config.nope",
                assertThrows(
                                CastPanelException.class,
                                () -> EngineConfig.validate(FIELDS, null, Map.of("nope", 1), ANY_HOST))
                        .field());
    }

    @Test
    void aChangedUrlMustPassTheOutboundPolicyAndAStoredOneIsNotAskedAgain() {
        CastPanelException e = assertThrows(
                CastPanelException.class,
                () -> EngineConfig.validate(
                        FIELDS, null, Map.of("target", "rtmp://127.0.0.1:1935/live"), NOT_INTERNAL));
        assertEquals("config.target", e.field());
        assertEquals("Restream server: the host 127.0.0.1 is a loopback address", e.getMessage());
        assertEquals(
                "rtmp://a.example/live2",
                EngineConfig.validate(FIELDS, null, Map.of("target", "rtmp://a.example/live2"), NOT_INTERNAL)
                        .get("target"));
        OutboundTargets refuseAll = host -> {
            throw new IllegalArgumentException("asked again");
        };
        assertEquals(
                1L,
                EngineConfig.validate(FIELDS, Map.of("target", "rtmp://a.example/live2"), Map.of("port", 1), refuseAll)
                        .get("port"));
        assertEquals(
                "http://127.0.0.1/",
                EngineConfig.validate(FIELDS, null, Map.of("website", "http://127.0.0.1/"), refuseAll)
                        .get("website"),
                "a website the panel only shows is not a target");
    }
}
