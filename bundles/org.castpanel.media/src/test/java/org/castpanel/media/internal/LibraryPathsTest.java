/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.castpanel.core.api.CastPanelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryPathsTest {

    @TempDir
    Path root;

    @Test
    void namesAreNormalisedAndKeptWithinOneFolder() {
        assertEquals("Café.mp3", LibraryPaths.name("name", "  Cafe\u0301.mp3 "), "NFC, trimmed");
        assertEquals(
                "a; b $(x) `y` 'z'.mp3",
                LibraryPaths.name("name", "a; b $(x) `y` 'z'.mp3"),
                "shell characters are just characters in a name");
        for (String bad : new String[] {
            "", " ", ".", "..", "../x", "a/b", "a\\b", "line\nbreak", "nul\u0000", ".hidden", "x".repeat(256)
        }) {
            CastPanelException e = assertThrows(CastPanelException.class, () -> LibraryPaths.name("name", bad), bad);
            assertEquals("name", e.field());
        }
    }

    @Test
    void foldersAreRelativePathsOfCheckedNames() {
        assertEquals("", LibraryPaths.folder("folder", null));
        assertEquals("", LibraryPaths.folder("folder", "/"));
        assertEquals("Rock/80s", LibraryPaths.folder("folder", "/Rock/80s/"));
        for (String bad : new String[] {
            "../etc", "Rock/../../x", "a//b", "Rock/.git", "a/" + "b/".repeat(16), ("x".repeat(100) + "/").repeat(3)
        }) {
            assertThrows(CastPanelException.class, () -> LibraryPaths.folder("folder", bad), bad);
        }
    }

    @Test
    void aPathThroughASymbolicLinkIsNotFound() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        try {
            Files.createSymbolicLink(root.resolve("escape"), outside);
            Files.createDirectories(root.resolve("real"));
            assertEquals(root.resolve("real/x.mp3"), LibraryPaths.resolve(root, "real/x.mp3"));
            assertThrows(CastPanelException.class, () -> LibraryPaths.resolve(root, "escape"));
            assertThrows(CastPanelException.class, () -> LibraryPaths.resolve(root, "escape/passwd"));
        } finally {
            Files.delete(root.resolve("escape"));
            Files.delete(outside);
        }
    }
}
