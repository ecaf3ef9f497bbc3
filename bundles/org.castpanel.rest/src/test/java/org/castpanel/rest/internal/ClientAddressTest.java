/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static ClientAddress trusting(String proxies) {
        return new ClientAddress(new ClientAddress.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ClientAddress.Config.class;
            }

            @Override
            public String trustedProxies() {
                return proxies;
            }
        });
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", trusting("").of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        ClientAddress a = trusting("127.0.0.1, 10.0.0.2");
        assertEquals("198.51.100.1", a.of("127.0.0.1", "198.51.100.1"));
        // a client writing its own X-Forwarded-For does not choose its address
        assertEquals("198.51.100.1", a.of("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.0.0.2"));
        assertEquals("127.0.0.1", a.of("127.0.0.1", "evil, 198.51.100.1 ; x"));
        assertEquals("127.0.0.1", a.of("127.0.0.1", null));
        assertEquals("203.0.113.9", a.of("203.0.113.9", "198.51.100.1"), "only the listed proxies are believed");
    }
}
