/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.castpanel.core.api.CastPanelException;

/**
 * Names and folders a customer gives, checked and normalised, and their place on disk, which is
 * always inside the library: Unicode NFC, no "." or "..", no "/" or "\" in a name, no control
 * characters, nothing hidden (a leading dot), at most 255 bytes a name, 16 folders deep.
 */
final class LibraryPaths {

    static final int MAX_NAME_BYTES = 255;
    static final int MAX_DEPTH = 16;
    /** The database's limit for a folder path (cp_media_file.folder). */
    static final int MAX_FOLDER_CHARS = 255;

    private LibraryPaths() {}

    /** One file or folder name, normalised; 422 naming {@code field} when it cannot be one. */
    static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CastPanelException.invalid(field, "a name is needed");
        }
        String name = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (name.equals(".") || name.equals("..")) {
            throw CastPanelException.invalid(field, "'" + name + "' is not a name");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            throw CastPanelException.invalid(field, "a name cannot contain '/' or '\\'");
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw CastPanelException.invalid(field, "a name cannot contain control characters or line breaks");
        }
        if (name.startsWith(".")) {
            throw CastPanelException.invalid(field, "a name cannot start with '.'");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw CastPanelException.invalid(field, "a name is at most " + MAX_NAME_BYTES + " bytes long");
        }
        return name;
    }

    /** A folder path: "" (or null, or "/") for the top, else names joined by "/". */
    static String folder(String field, String value) {
        if (value == null) {
            return "";
        }
        String trimmed = value.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : trimmed.split("/", -1)) {
            parts.add(name(field, part));
        }
        if (parts.size() > MAX_DEPTH) {
            throw CastPanelException.invalid(field, "folders nest at most " + MAX_DEPTH + " deep");
        }
        String path = String.join("/", parts);
        if (path.length() > MAX_FOLDER_CHARS) {
            throw CastPanelException.invalid(
                    field, "a folder path is at most " + MAX_FOLDER_CHARS + " characters long");
        }
        return path;
    }

    static String join(String folder, String name) {
        return folder.isEmpty() ? name : folder + "/" + name;
    }

    /** The parent folder of a library path ("" at the top). */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Where a checked library path is on disk. Refuses (404, as for anything not there) a path
     * that passes through a symbolic link: one made over SFTP must not lead out of the library.
     */
    static Path resolve(Path root, String path) {
        Path target = root;
        if (!path.isEmpty()) {
            for (String part : path.split("/")) {
                target = target.resolve(part);
                if (Files.isSymbolicLink(target)) {
                    throw CastPanelException.notFound("media path", path);
                }
            }
        }
        if (!target.normalize().startsWith(root.normalize())) {
            throw CastPanelException.notFound("media path", path);
        }
        return target;
    }

    /** The library path of a file found under {@code root}, with "/" separators. */
    static String relative(Path root, Path file) {
        Path relative = root.relativize(file);
        List<String> parts = new ArrayList<>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    static boolean isDirectory(Path path) {
        return Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    static void createDirectories(Path root, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root.relativize(directory), e);
        }
    }
}
