/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A service's engine settings read by type: the values the core validated against the type's
 * {@link ConfigField}s. INTEGER settings read as {@code long}, BOOLEAN as {@code boolean}, every
 * other type as text. A setting the customer did not give reads as empty (or the fallback), so a
 * plugin never casts. Reading a setting as the wrong type is a plugin bug and throws
 * {@link IllegalStateException} naming it.
 */
public final class Settings {

    private final Map<String, Object> values;

    public Settings(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(typed(name, String.class));
    }

    public String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    public OptionalLong integer(String name) {
        Number n = typed(name, Number.class);
        return n == null ? OptionalLong.empty() : OptionalLong.of(n.longValue());
    }

    public long integer(String name, long fallback) {
        return integer(name).orElse(fallback);
    }

    public boolean bool(String name, boolean fallback) {
        Boolean b = typed(name, Boolean.class);
        return b == null ? fallback : b;
    }

    /** All values, as the core stored them. */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> T typed(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException(
                    "setting " + name + " is a " + value.getClass().getSimpleName() + ", not a " + type.getSimpleName()
                            + ": check the type in its ConfigField");
        }
        return type.cast(value);
    }

    @Override
    public String toString() {
        return "Settings" + values.keySet();
    }
}
