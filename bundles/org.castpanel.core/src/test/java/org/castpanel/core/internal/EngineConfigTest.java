package org.castpanel.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.engine.api.ConfigField;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    static final List<ConfigField> FIELDS = List.of(
            new ConfigField("mount", "Mount point", ConfigField.Type.TEXT, false, 2L, 64L, null, false, "/stream",
                    "/ then letters", "/[A-Za-z0-9._-]{1,63}"),
            ConfigField.integer("port", "Port", 1, 65535, null, null));

    @Test
    void aTextOfTheWrongFormIsRefusedNamingTheFieldAndTheRule() {
        CastPanelException e = assertThrows(CastPanelException.class,
                () -> EngineConfig.validate(FIELDS, null, Map.of("mount", "live stream")));
        assertEquals("config.mount", e.field());
        assertEquals("Mount point is not of the expected form: / then letters", e.getMessage());
        assertThrows(CastPanelException.class, () -> EngineConfig.validate(FIELDS, null, Map.of("mount", "/a\n</x>")));
    }

    @Test
    void givenValuesOverPreviousOnesAndDefaultsForTheRest() {
        assertEquals(Map.of("mount", "/live"), EngineConfig.validate(FIELDS, null, Map.of("mount", "/live")));
        assertEquals(Map.of("mount", "/stream", "port", 8000L),
                EngineConfig.validate(FIELDS, Map.of("port", 8000), Map.of()));
        assertEquals("config.port", assertThrows(CastPanelException.class,
                () -> EngineConfig.validate(FIELDS, null, Map.of("port", 70000))).field());
        assertEquals("config.nope", assertThrows(CastPanelException.class,
                () -> EngineConfig.validate(FIELDS, null, Map.of("nope", 1))).field());
    }
}
