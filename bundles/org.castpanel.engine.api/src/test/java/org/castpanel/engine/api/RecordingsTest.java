/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class RecordingsTest {

    @Test
    void offersPlainFileNamesOfKnownTypes() {
        assertTrue(Recordings.isName("broadcast-20261201-120000.flv"));
        assertTrue(Recordings.isName("show_1.mp3"));
        assertTrue(Recordings.isName("a.opus"));
    }

    @Test
    void refusesPathsHiddenFilesAndOtherTypes() {
        for (String name : new String[] {
            null,
            "",
            "../secret.flv",
            "a/b.mp4",
            "..",
            ".hidden.flv",
            "x.flv\n",
            "x.flv/..",
            "x.txt",
            "x.flv.part",
            "a b.mp4",
            "x;rm.mp4",
            "C:\\x.mp4"
        }) {
            assertFalse(Recordings.isName(name), String.valueOf(name));
        }
    }

    @Test
    void folderIsInsideTheServiceDirectory() {
        assertEquals(Path.of("/srv/s1/recordings"), Recordings.folder(Path.of("/srv/s1")));
    }
}
