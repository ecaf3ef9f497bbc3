/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentPathTest {

    @TempDir
    Path temp;

    private ServiceContext context(Path content, String folder) {
        return new ServiceContext(
                7,
                3,
                "autodj",
                "Station",
                "local",
                new ServiceLimits(10, 128, null, null, null),
                folder == null ? Map.of() : Map.of("folder", folder),
                temp.resolve("service"),
                content);
    }

    @Test
    void aPathSettingResolvesInsideTheContentDirectory() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content/user_3"));
        Files.createDirectories(content.resolve("music/rock"));
        assertEquals(
                Optional.of(content.resolve("music/rock").toAbsolutePath()),
                context(content, "music/rock").contentPath("folder"));
        assertEquals(
                Optional.of(content.resolve("not/yet/there").toAbsolutePath()),
                context(content, "not/yet/there").contentPath("folder"),
                "a folder to be made is fine");
        assertEquals(Optional.empty(), context(content, null).contentPath("folder"));
    }

    @Test
    void aSymbolicLinkOutOfTheContentDirectoryIsRefusedEvenWhenThePathLooksInside() throws Exception {
        Path content = Files.createDirectories(temp.resolve("content/user_3"));
        Path elsewhere = Files.createDirectories(temp.resolve("content/user_4/private"));
        Files.createSymbolicLink(content.resolve("shared"), elsewhere);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> context(content, "shared").contentPath("folder"));
        assertTrue(e.getMessage().contains("through a link"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> context(content, "shared/deeper/file.mp3").contentPath("folder"),
                "nor anything below such a link");
        assertThrows(
                IllegalArgumentException.class,
                () -> context(content, "../user_4/private").contentPath("folder"));
        Files.createSymbolicLink(content.resolve("inside"), content.resolve("."));
        assertTrue(context(content, "inside").contentPath("folder").isPresent(), "a link that stays inside is fine");
    }
}
