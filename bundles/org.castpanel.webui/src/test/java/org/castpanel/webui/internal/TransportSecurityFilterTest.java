/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import javax.servlet.FilterChain;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class TransportSecurityFilterTest {

    /** What the filter did with one request. */
    private static final class Outcome {
        final Map<String, String> headers = new HashMap<>();
        int status = 200;
        boolean passedOn;
    }

    private static TransportSecurityConfig config(boolean redirect) {
        return new TransportSecurityConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TransportSecurityConfig.class;
            }

            @Override
            public boolean redirectToHttps() {
                return redirect;
            }

            @Override
            public int httpsPort() {
                return 8443;
            }

            @Override
            public long hstsMaxAgeSeconds() {
                return 600;
            }
        };
    }

    private static TransportSecurityFilter filter(boolean redirect) {
        return new TransportSecurityFilter(new TransportSecurityFilter.Settings(config(redirect)));
    }

    private static Outcome run(TransportSecurityFilter filter, boolean secure, String remote, String host)
            throws Exception {
        Outcome outcome = new Outcome();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                getClass(null),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getRemoteAddr" -> remote;
                    case "getServerName" -> host;
                    case "getRequestURI" -> "/api/v1/services/7/actions";
                    case "getQueryString" -> "a=1";
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                getClass(null), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setHeader" -> outcome.headers.put((String) args[0], (String) args[1]);
                        case "setStatus" -> outcome.status = (Integer) args[0];
                        default -> {}
                    }
                    return null;
                });
        FilterChain chain = (req, res) -> outcome.passedOn = true;
        filter.doFilter(request, response, chain);
        return outcome;
    }

    private static ClassLoader getClass(Object unused) {
        return TransportSecurityFilterTest.class.getClassLoader();
    }

    @Test
    void httpsAnswersCarryHsts() throws Exception {
        Outcome o = run(filter(true), true, "203.0.113.5", "panel.example");
        assertTrue(o.passedOn);
        assertEquals("max-age=600", o.headers.get("Strict-Transport-Security"));
    }

    @Test
    void plainHttpFromElsewhereIsRedirectedKeepingTheMethodWhenTurnedOn() throws Exception {
        Outcome o = run(filter(true), false, "203.0.113.5", "panel.example");
        assertFalse(o.passedOn);
        assertEquals(308, o.status);
        assertEquals("https://panel.example:8443/api/v1/services/7/actions?a=1", o.headers.get("Location"));
        assertNull(o.headers.get("Strict-Transport-Security"), "HSTS only over HTTPS");
    }

    @Test
    void thisMachineAndTheDefaultStayOnHttp() throws Exception {
        assertTrue(run(filter(true), false, "127.0.0.1", "localhost").passedOn, "engine callbacks come over loopback");
        assertTrue(run(filter(true), false, "::1", "localhost").passedOn);
        assertTrue(run(filter(false), false, "203.0.113.5", "panel.example").passedOn);
    }

    @Test
    void anOddHostHeaderDoesNotSteerTheRedirect() throws Exception {
        Outcome o = run(filter(true), false, "203.0.113.5", "evil.example/@x");
        assertEquals("https://localhost:8443/api/v1/services/7/actions?a=1", o.headers.get("Location"));
    }
}
