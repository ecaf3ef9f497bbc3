/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RestreamingTest {

    @Test
    void onlyCompleteTargetsCountAndTheirPartsAreReadAsPushesNameThem() {
        Settings settings = new Settings(Map.of(
                "pushUrl1", "rtmp://a.rtmp.youtube.com/live2/",
                "pushKey1", "abc-123",
                "pushUrl2", "rtmp://only.a.server/app",
                "pushKey3", "only-a-key"));
        List<Restreaming.Target> targets = Restreaming.targets(settings, 3);
        assertEquals(1, targets.size(), targets.toString());
        assertEquals("live2", targets.get(0).application());
        assertEquals("rtmp://a.rtmp.youtube.com/live2/abc-123", targets.get(0).url());
    }

    @Test
    void theFieldsHoldKeysAndServersToWhatAConfigFileOrCommandLineCannotMisread() {
        List<ConfigField> fields = Restreaming.fields(2);
        assertEquals(
                List.of("pushUrl1", "pushKey1", "pushUrl2", "pushKey2"),
                fields.stream().map(ConfigField::name).toList());
        ConfigField url = fields.get(0);
        ConfigField key = fields.get(1);
        assertEquals(ConfigField.Type.TARGET_URL, url.type());
        assertTrue(key.secret());
        for (String bad : List.of("k;rm -rf /", "k\nnext", "k key", "k$HOME", "k'x", "k\"x")) {
            assertFalse(bad.matches(key.pattern()), bad);
        }
        for (String bad : List.of("rtmp://host/app;x", "rtmp://host/app x", "http://host/app", "rtmp://host")) {
            assertFalse(bad.matches(url.pattern()), bad);
        }
        assertTrue("rtmps://live-api-s.facebook.com:443/rtmp".matches(url.pattern()));
    }
}
