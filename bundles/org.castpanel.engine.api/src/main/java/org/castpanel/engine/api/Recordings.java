/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an engine declaring {@link Capabilities#RECORDING} leaves finished recordings, so that the
 * panel lists, serves and deletes them without asking the plugin: regular files directly in
 * {@link #folder(Path) the service directory's recordings folder}, named by {@link #isName}
 * (letters, digits, {@code . _ -}, one of {@link #EXTENSIONS}). Write a recording elsewhere and move
 * it in when it is complete: everything in the folder is offered for download. Recordings count
 * against the service's disk quota; the plugin stops recording when the quota is used up.
 */
public final class Recordings {

    /** The folder's name inside the service directory. */
    public static final String FOLDER = "recordings";

    /** The file types the panel offers as recordings: video containers and audio streams. */
    public static final Set<String> EXTENSIONS = Set.of("flv", "mp4", "ts", "mkv", "mp3", "aac", "ogg", "opus");

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.(" + String.join("|", EXTENSIONS) + ")");

    private Recordings() {}

    /** The recordings folder of the service whose directory is {@code serviceDirectory}. */
    public static Path folder(Path serviceDirectory) {
        return serviceDirectory.resolve(FOLDER);
    }

    /** Whether {@code name} is a name the panel offers as a recording (never a path). */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
