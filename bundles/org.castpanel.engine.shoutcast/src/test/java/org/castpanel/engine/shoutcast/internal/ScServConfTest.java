/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.shoutcast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The config writer: every value one line of plain text, or refused. */
class ScServConfTest {

    private static ScServConf.Settings settings(String path, String password) {
        return new ScServConf.Settings(
                8000,
                "src",
                "adm",
                25,
                true,
                "/srv/s/sc_serv.log",
                List.of(new ScServConf.Stream(1, "/live", null, "one"), new ScServConf.Stream(2, path, 5, password)));
    }

    @Test
    void writesTheDocumentedKeysPerStream() {
        String conf = ScServConf.write(settings("/extra", "two"));
        assertEquals("""
                ; written by CastPanel: changes here are overwritten
                portbase=8000
                password=src
                adminpassword=adm
                maxuser=25
                publicserver=always
                requirestreamconfigs=1
                logfile=/srv/s/sc_serv.log
                streamid_1=1
                streampath_1=/live
                streampassword_1=one
                streamid_2=2
                streampath_2=/extra
                streammaxuser_2=5
                streampassword_2=two
                """, conf);
    }

    @Test
    void refusesEveryValueThatCouldEndItsLineOrStartAComment() {
        for (String evil : List.of(
                "/x\nadminpassword=mine",
                "/x\rportbase=1",
                "/x;comment",
                "/x#comment",
                "/x\u0000",
                " /x",
                "/x\t",
                "/x\u0085next",
                "/x\u2028next")) {
            IllegalArgumentException refused =
                    assertThrows(IllegalArgumentException.class, () -> ScServConf.write(settings(evil, "two")), evil);
            assertTrue(refused.getMessage().startsWith("streampath_2 must be one line"), refused.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ScServConf.write(settings("/ok", evil)), evil);
        }
    }

    @Test
    void theSourceAndAdminPasswordsMustDiffer() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ScServConf.write(new ScServConf.Settings(8000, "same", "same", 1, false, "/l", List.of())));
    }
}
