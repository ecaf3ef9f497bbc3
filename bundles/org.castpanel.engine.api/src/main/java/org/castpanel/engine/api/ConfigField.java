/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.List;

/**
 * One engine-specific setting, described so that the core validates it and the UI renders it
 * without knowing the plugin. {@code min}/{@code max} bound integers (and the length of text);
 * {@code options} lists the allowed values of a CHOICE; a secret is never shown back; {@code pattern}
 * (a Java regular expression, or null) is what a TEXT value must match as a whole, explained to
 * users by {@code description}. A {@code URL} is shown and stored (a station's website); a
 * {@code TARGET_URL} is one the panel or its daemons connect to on the customer's behalf
 * (restreaming targets, pulled sources): the platform refuses hosts inside this machine and its
 * networks there ({@link org.castpanel.engine.api.platform.OutboundTargets}).
 */
public record ConfigField(
        String name,
        String label,
        Type type,
        boolean required,
        Long min,
        Long max,
        List<String> options,
        boolean secret,
        Object defaultValue,
        String description,
        String pattern) {

    /** The value types a setting can have. */
    public enum Type {
        TEXT,
        INTEGER,
        BOOLEAN,
        CHOICE,
        URL,
        TARGET_URL,
        /**
         * A file or folder inside the customer's content directory, relative and '/'-separated
         * ("music/rock"). The core refuses absolute paths, "." and ".." segments and backslashes
         * when it is saved; a handler resolves it with {@link ServiceContext#contentPath}, which
         * also refuses a symbolic link that leads out of the content directory.
         */
        PATH
    }

    public ConfigField {
        if (name == null || !name.matches("[a-zA-Z][a-zA-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("config field names are identifiers: " + name);
        }
        options = options == null ? List.of() : List.copyOf(options);
        if (pattern != null) {
            java.util.regex.Pattern.compile(pattern); // a plugin's mistake shows when it registers
        }
    }

    /** A field without a pattern. */
    public ConfigField(
            String name,
            String label,
            Type type,
            boolean required,
            Long min,
            Long max,
            List<String> options,
            boolean secret,
            Object defaultValue,
            String description) {
        this(name, label, type, required, min, max, options, secret, defaultValue, description, null);
    }

    public static ConfigField text(String name, String label, boolean required, int maxLength, String description) {
        return new ConfigField(
                name, label, Type.TEXT, required, null, (long) maxLength, null, false, null, description);
    }

    public static ConfigField integer(
            String name, String label, long min, long max, Long defaultValue, String description) {
        return new ConfigField(name, label, Type.INTEGER, false, min, max, null, false, defaultValue, description);
    }

    public static ConfigField bool(String name, String label, boolean defaultValue, String description) {
        return new ConfigField(name, label, Type.BOOLEAN, false, null, null, null, false, defaultValue, description);
    }

    public static ConfigField choice(
            String name, String label, List<String> options, String defaultValue, String description) {
        return new ConfigField(name, label, Type.CHOICE, false, null, null, options, false, defaultValue, description);
    }

    /**
     * A field built step by step, for anything the short factories above do not cover:
     * {@code ConfigField.builder("pushUrl1", Type.TARGET_URL).label("Restream 1").maxLength(300).pattern("rtmps?://.+").build()}.
     */
    public static Builder builder(String name, Type type) {
        return new Builder(name, type);
    }

    /** Builds a {@link ConfigField}; every step is optional, the label defaults to the name. */
    public static final class Builder {
        private final String name;
        private final Type type;
        private String label;
        private boolean required;
        private Long min;
        private Long max;
        private List<String> options;
        private boolean secret;
        private Object defaultValue;
        private String description;
        private String pattern;

        private Builder(String name, Type type) {
            this.name = name;
            this.type = type;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        /** The bounds of an INTEGER. */
        public Builder range(long min, long max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** The shortest and longest text (TEXT, URL, TARGET_URL). */
        public Builder length(int minLength, int maxLength) {
            this.min = (long) minLength;
            this.max = (long) maxLength;
            return this;
        }

        /** The longest text (TEXT, URL, TARGET_URL). */
        public Builder maxLength(int maxLength) {
            this.max = (long) maxLength;
            return this;
        }

        public Builder options(List<String> options) {
            this.options = options;
            return this;
        }

        /** Never shown back to anyone once stored (passwords, stream keys of other platforms). */
        public Builder secret() {
            this.secret = true;
            return this;
        }

        public Builder defaultValue(Object defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** A Java regular expression a TEXT value must match as a whole; say it in the description. */
        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        public ConfigField build() {
            return new ConfigField(
                    name,
                    label == null ? name : label,
                    type,
                    required,
                    min,
                    max,
                    options,
                    secret,
                    defaultValue,
                    description,
                    pattern);
        }
    }
}
