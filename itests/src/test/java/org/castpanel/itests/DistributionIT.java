/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

/** How the distribution starts its JVM: what the README promises about memory is on its command line. */
@WithPanel("h2")
class DistributionIT {

    /**
     * The heap cap (384 MB unless CASTPANEL_MAX_HEAP says otherwise) must reach the JVM: Karaf 4.4's
     * scripts ignore JAVA_MAX_MEM, and for a while the panel ran with a quarter of the machine's memory.
     */
    @Test
    void theJvmRunsWithTheHeapCap(Panel panel) throws Exception {
        byte[] raw = Files.readAllBytes(
                Path.of("/proc", Long.toString(panel.process().pid()), "cmdline"));
        List<String> args = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
        assertTrue(args.contains("-Xmx384M"), "the JVM's arguments: " + args);
        assertTrue(args.contains("-XX:+UseSerialGC"), "the JVM's arguments: " + args);
    }
}
