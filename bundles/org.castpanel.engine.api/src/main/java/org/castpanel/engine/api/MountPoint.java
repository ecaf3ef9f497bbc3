/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.util.regex.Pattern;

/**
 * A mount point of a service of an engine with the {@link Capabilities#MOUNT_POINTS} capability,
 * besides its main mount (the service's {@code mount} setting). {@code maxListeners} null is the
 * service's limit; {@code fallbackMount} is where listeners go when this mount's source drops; a
 * hidden mount is left out of the server's public listings. Names are checked by the core against
 * {@link #NAME}; the other texts are free text a plugin must escape.
 */
public record MountPoint(
        String name,
        Integer maxListeners,
        String fallbackMount,
        boolean hidden,
        String streamName,
        String description,
        String genre) {

    /** What a mount name may look like: a slash, then letters, digits, dot, underscore, dash. */
    public static final Pattern NAME = Pattern.compile("/[A-Za-z0-9._-]{1,63}");
}
