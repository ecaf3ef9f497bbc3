/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.text.Normalizer;

import org.castpanel.core.api.CastPanelException;

/** The names people give playlists and DJs: shown in lists and in the station's metadata. */
final class DisplayNames {

    private DisplayNames() {}

    /** Stripped and in NFC; 1-100 characters without line breaks or control characters, else a 422 on "name". */
    static String checked(String raw) {
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw CastPanelException.invalid(
                    "name", "name must be 1-100 characters without line breaks or control characters");
        }
        return name;
    }
}
