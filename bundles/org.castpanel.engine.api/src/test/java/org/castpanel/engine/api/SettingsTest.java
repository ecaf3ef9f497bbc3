/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Settings settings = new Settings(Map.of("mount", "/live", "keyGeneration", 3, "public", true));

    @Test
    void settingsReadByTypeWithFallbacksForWhatWasNotGiven() {
        assertEquals("/live", settings.text("mount", "/stream"));
        assertEquals("/stream", new Settings(Map.of()).text("mount", "/stream"));
        assertEquals(
                3L,
                settings.integer("keyGeneration", 1),
                "an INTEGER reads as a long, whatever Number it was stored as");
        assertEquals(OptionalLong.empty(), settings.integer("delay"));
        assertTrue(settings.bool("public", false));
        assertFalse(settings.bool("record", false));
        assertTrue(settings.has("mount"));
    }

    @Test
    void readingASettingAsTheWrongTypeNamesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings.integer("mount", 0));
        assertTrue(e.getMessage().contains("mount"), e.getMessage());
    }

    @Test
    void theBuilderMakesTheSameFieldAsTheConstructor() {
        ConfigField built = ConfigField.builder("pushKey1", ConfigField.Type.TEXT)
                .label("Restream 1: key")
                .maxLength(300)
                .secret()
                .pattern("[a-z]+")
                .description("the key")
                .build();
        assertEquals(
                new ConfigField(
                        "pushKey1",
                        "Restream 1: key",
                        ConfigField.Type.TEXT,
                        false,
                        null,
                        300L,
                        List.of(),
                        true,
                        null,
                        "the key",
                        "[a-z]+"),
                built);
        assertEquals(
                "level",
                ConfigField.builder("level", ConfigField.Type.INTEGER)
                        .range(1, 9)
                        .build()
                        .label());
        assertThrows(
                java.util.regex.PatternSyntaxException.class,
                () -> ConfigField.builder("x", ConfigField.Type.TEXT)
                        .pattern("[")
                        .build());
    }
}
