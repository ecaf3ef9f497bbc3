/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class OutboundTargetsImplTest {

    private static PlatformConfig allowing(String hosts) {
        return new PlatformConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlatformConfig.class;
            }

            @Override
            public int portRangeStart() {
                return 20000;
            }

            @Override
            public int portRangeEnd() {
                return 29999;
            }

            @Override
            public String storageRoot() {
                return "";
            }

            @Override
            public String node() {
                return "local";
            }

            @Override
            public String allowedTargetHosts() {
                return hosts;
            }

            public String callbackBaseUrl() {
                return "http://127.0.0.1:8181";
            }

            public String publicHostname() {
                return "localhost";
            }
        };
    }

    @Test
    void thisMachineAndInternalRangesAreRefusedWithTheReason() {
        OutboundTargetsImpl targets = new OutboundTargetsImpl(allowing(""));
        for (String host : new String[] {
            "127.0.0.1",
            "localhost",
            "127.8.9.10",
            "0.0.0.0",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "[::1]",
            "::",
            "fe80::1",
            "fd00::1",
            "224.0.0.1",
            "127.1"
        }) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> targets.check(host), host);
            assertTrue(e.getMessage().contains("allowedTargetHosts"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> targets.check("169.254.169.254"))
                .getMessage()
                .contains("link-local"));
        // ffmpeg's resolver reads these as 127.0.0.1; Java's does not, and a name that does not resolve is refused
        assertThrows(IllegalArgumentException.class, () -> targets.check("2130706433"));
        assertThrows(IllegalArgumentException.class, () -> targets.check("0x7f.0.0.1"));
    }

    @Test
    void publicAddressesPassAndAnAdministratorCanAllowAnInternalHost() {
        OutboundTargetsImpl targets = new OutboundTargetsImpl(allowing(" 10.1.2.3 , Relay.Internal "));
        assertDoesNotThrow(() -> targets.check("8.8.8.8"));
        assertDoesNotThrow(() -> targets.check("2001:4860:4860::8888"));
        assertDoesNotThrow(() -> targets.check("10.1.2.3"));
        assertDoesNotThrow(() -> targets.check("relay.internal"));
        assertThrows(IllegalArgumentException.class, () -> targets.check("10.1.2.4"));
    }
}
