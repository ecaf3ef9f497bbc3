/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.services.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Validation;
import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.platform.OutboundTargets;

/**
 * Validates engine-specific settings against the engine type's field descriptions, so every
 * value that reaches a plugin (and from there a config file) is of the declared type, in range,
 * and free of control characters. Errors name the field as {@code config.<name>}. A target URL a
 * customer enters or changes must point at a host the platform's {@link OutboundTargets} allows.
 */
final class EngineConfig {

    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "rtmp", "rtmps", "icecast", "srt");
    /** Segments of anything but '/', '\\' and control characters, none of them "." or "..", joined by single '/'. */
    private static final java.util.regex.Pattern CONTENT_PATH = java.util.regex.Pattern.compile(
            "(?!\\.{1,2}(/|$))[^/\\\\\\p{Cntrl}]{1,255}(/(?!\\.{1,2}(/|$))[^/\\\\\\p{Cntrl}]{1,255})*");

    private EngineConfig() {}

    /** The complete, validated settings: given values over the previous ones, defaults for the rest. */
    static Map<String, Object> validate(
            List<ConfigField> fields,
            Map<String, Object> previous,
            Map<String, Object> given,
            OutboundTargets targets) {
        Map<String, Object> input = given == null ? Map.of() : given;
        for (String key : input.keySet()) {
            if (fields.stream().noneMatch(f -> f.name().equals(key))) {
                throw CastPanelException.invalid("config." + key, "this engine type has no setting '" + key + "'");
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (ConfigField field : fields) {
            Object value = input.containsKey(field.name())
                    ? input.get(field.name())
                    : previous != null && previous.containsKey(field.name())
                            ? previous.get(field.name())
                            : field.defaultValue();
            if (value == null) {
                if (field.required()) {
                    throw CastPanelException.invalid("config." + field.name(), field.label() + " is required");
                }
                continue;
            }
            Object checked = check(field, value);
            boolean changed = previous == null || !checked.equals(previous.get(field.name()));
            if (field.type() == ConfigField.Type.TARGET_URL && changed) {
                try {
                    targets.check(URI.create((String) checked).getHost());
                } catch (IllegalArgumentException e) {
                    throw CastPanelException.invalid("config." + field.name(), field.label() + ": " + e.getMessage());
                }
            }
            result.put(field.name(), checked);
        }
        return result;
    }

    private static Object check(ConfigField field, Object value) {
        String name = "config." + field.name();
        switch (field.type()) {
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) {
                    throw CastPanelException.invalid(name, field.label() + " must be true or false");
                }
                return value;
            }
            case INTEGER -> {
                if (!(value instanceof Integer || value instanceof Long)) {
                    throw CastPanelException.invalid(name, field.label() + " must be a whole number");
                }
                long number = ((Number) value).longValue();
                if (field.min() != null && number < field.min() || field.max() != null && number > field.max()) {
                    throw CastPanelException.invalid(
                            name, field.label() + " must be between " + field.min() + " and " + field.max());
                }
                return number;
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !field.options().contains(s)) {
                    throw CastPanelException.invalid(name, field.label() + " must be one of " + field.options());
                }
                return s;
            }
            case URL, TARGET_URL -> {
                String text = text(field, name, value);
                try {
                    URI uri = new URI(text);
                    if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
                        throw CastPanelException.invalid(
                                name, field.label() + " must be a URL with one of " + URL_SCHEMES);
                    }
                } catch (URISyntaxException e) {
                    throw CastPanelException.invalid(name, field.label() + " is not a valid URL");
                }
                return text;
            }
            case PATH -> {
                String path = text(field, name, value);
                if (!CONTENT_PATH.matcher(path).matches()) {
                    throw CastPanelException.invalid(
                            name,
                            field.label() + " must be a path inside your media folder, "
                                    + "e.g. music/rock: names joined by /, without a leading /, without . or .. and without \\");
                }
                return path;
            }
            default -> {
                return text(field, name, value);
            }
        }
    }

    private static String text(ConfigField field, String name, Object value) {
        if (!(value instanceof String s)) {
            throw CastPanelException.invalid(name, field.label() + " must be text");
        }
        long max = field.max() == null ? 1000 : field.max();
        if (s.length() > max || (field.min() != null && s.length() < field.min())) {
            throw CastPanelException.invalid(
                    name,
                    field.label() + " must be " + (field.min() == null ? 0 : field.min()) + " to " + max
                            + " characters long");
        }
        String text = Validation.text(name, s, (int) max);
        if (field.pattern() != null && !text.matches(field.pattern())) {
            throw CastPanelException.invalid(
                    name,
                    field.label() + " is not of the expected form"
                            + (field.description() == null ? "" : ": " + field.description()));
        }
        return text;
    }

    /** The settings with secret values left out, for showing. */
    static Map<String, Object> shown(List<ConfigField> fields, Map<String, Object> config) {
        Map<String, Object> shown = new LinkedHashMap<>(config);
        for (ConfigField field : fields) {
            if (field.secret()) {
                shown.remove(field.name());
            }
        }
        return shown;
    }
}
