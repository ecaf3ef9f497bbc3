/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writing engine configuration safely: whole-file atomic replace (a daemon never reads half a
 * file) and escaping for the common target formats, so no customer-supplied value can break out
 * of its place. Values are also refused outright when they carry control characters, which no
 * legitimate setting needs.
 */
public final class ConfigFiles {

    private ConfigFiles() {}

    /** Writes {@code content} to a temporary file beside {@code target}, then renames it over it. */
    public static void writeAtomically(Path target, String content, Set<PosixFilePermission> permissions)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Refuses control characters (line breaks included): the root of most config injection. */
    public static String requirePlain(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " must not contain control characters or line breaks");
            }
        }
        return value;
    }

    /** Escapes text for an XML element or attribute value. */
    public static String xml(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (char c : requirePlain("value", value).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A double-quoted string for nginx, Liquidsoap and shell-like formats: backslash, quote and $ escaped. */
    public static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (char c : requirePlain("value", value).toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** A value for a key=value (ini/properties-like) line: control characters refused, nothing else needed. */
    public static String iniValue(String value) {
        return requirePlain("value", value);
    }

    /**
     * Hands a file or folder the plugin made to the unprivileged user a daemon runs as (and to its
     * group when one is given), so the daemon can read or write it and nothing else of the panel's.
     */
    public static void giveTo(Path path, String user, String group) throws IOException {
        java.nio.file.attribute.UserPrincipalLookupService lookup =
                path.getFileSystem().getUserPrincipalLookupService();
        java.nio.file.attribute.PosixFileAttributeView view =
                Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(user));
        if (group != null) {
            view.setGroup(lookup.lookupPrincipalByGroupName(group));
        }
    }

    /** Deletes a directory and everything below it (symbolic links themselves, never what they point to); nothing if it is absent. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A random secret of {@code bytes} bytes kept in {@code file} (base64, mode 0600): made on the
     * first call, read on every later one, so it survives restarts and upgrades. For secrets a
     * plugin or the platform derives keys and tokens from.
     */
    public static synchronized byte[] secret(Path file, int bytes) throws IOException {
        if (Files.exists(file)) {
            return java.util.Base64.getDecoder().decode(Files.readString(file).strip());
        }
        byte[] secret = new byte[bytes];
        new java.security.SecureRandom().nextBytes(secret);
        writeAtomically(
                file,
                java.util.Base64.getEncoder().encodeToString(secret) + "\n",
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return secret;
    }

    /**
     * A service's generated passwords, kept in {@code file} (a properties file only its owner reads,
     * 0600): each of {@code keys} missing from it is made now ({@link #newPassword}) and the file
     * written, so the passwords survive restarts and upgrades. Store further ones with
     * {@link #savePasswords}.
     */
    public static synchronized java.util.Properties passwords(Path file, java.util.Collection<String> keys)
            throws IOException {
        java.util.Properties passwords = new java.util.Properties();
        if (Files.exists(file)) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                passwords.load(in);
            }
        }
        boolean made = false;
        for (String key : keys) {
            if (passwords.getProperty(key) == null) {
                passwords.setProperty(key, newPassword());
                made = true;
            }
        }
        if (made) {
            savePasswords(file, passwords);
        }
        return passwords;
    }

    /** Writes {@code passwords} to {@code file}, mode 0600, replacing it atomically. */
    public static synchronized void savePasswords(Path file, java.util.Properties passwords) throws IOException {
        StringBuilder content = new StringBuilder();
        new java.util.TreeMap<>(passwords)
                .forEach((k, v) -> content.append(k).append('=').append(v).append('\n'));
        writeAtomically(file, content.toString(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }

    /**
     * A new random password: 18 random bytes as URL-safe base64 (24 characters of letters, digits,
     * {@code - _}), so it needs no escaping in any config format and never holds a colon.
     */
    public static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
}
