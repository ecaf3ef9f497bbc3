/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.castpanel.engine.api.platform.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @Test
    void escapesForEachFormat() {
        assertEquals(
                "&lt;/mount&gt;&lt;x a=&quot;1&quot;&gt; &amp; &apos;", ConfigFiles.xml("</mount><x a=\"1\"> & '"));
        assertEquals("\"a\\\"b\\\\c\\$d\"", ConfigFiles.quoted("a\"b\\c$d"));
    }

    @Test
    void refusesLineBreaksEverywhere() {
        assertThrows(IllegalArgumentException.class, () -> ConfigFiles.xml("ok\n<evil/>"));
        assertThrows(IllegalArgumentException.class, () -> ConfigFiles.quoted("ok\r\ninclude /etc/passwd;"));
        assertThrows(IllegalArgumentException.class, () -> ConfigFiles.iniValue("a\u0000b"));
    }

    @Test
    void replacesWholeFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("conf/icecast.xml");
        ConfigFiles.writeAtomically(target, "first", null);
        ConfigFiles.writeAtomically(target, "second", null);
        assertEquals("second", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void typesRefuseBadIds() {
        assertThrows(
                IllegalArgumentException.class, () -> EngineType.server("Bad Id", "x", MediaKind.AUDIO, null, null));
        assertThrows(IllegalArgumentException.class, () -> ConfigField.text("no spaces", "x", false, 10, null));
    }

    @Test
    void passwordsAreMadeOnceKeptPrivateAndNeedNoEscaping(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credentials.properties");
        java.util.Properties first = ConfigFiles.passwords(file, java.util.List.of("source", "admin"));
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String source = first.getProperty("source");
        org.junit.jupiter.api.Assertions.assertTrue(source.matches("[A-Za-z0-9_-]{24}"), source);
        org.junit.jupiter.api.Assertions.assertNotEquals(source, first.getProperty("admin"));
        java.util.Properties again = ConfigFiles.passwords(file, java.util.List.of("source", "admin", "relay"));
        assertEquals(source, again.getProperty("source"), "kept across calls (and restarts)");
        org.junit.jupiter.api.Assertions.assertNotNull(again.getProperty("relay"), "a new key is made and stored");
        assertEquals(again, ConfigFiles.passwords(file, java.util.List.of()));
    }
}
