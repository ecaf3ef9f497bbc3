/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SearchWordsTest {

    @Test
    void wordsAreLowerCaseLettersAndDigitsOfAnyScript() {
        assertEquals(
                List.of("café", "del", "mar", "2024", "mix", "01", "ボーカル", "mp3"),
                List.copyOf(MediaLibraryImpl.words("Café del Mar — 2024 (Mix)\n01 ボーカル.mp3")));
        assertEquals(Set.of(), MediaLibraryImpl.words(" -- ... !!"));
        assertEquals(
                64, MediaLibraryImpl.words("x".repeat(100)).iterator().next().length());
    }
}
