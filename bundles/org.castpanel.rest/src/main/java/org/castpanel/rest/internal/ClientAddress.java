/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Where a request comes from, for login throttling and the audit log. Behind a reverse proxy every
 * request comes from the proxy; when the administrator lists it in {@code trustedProxies}, the
 * address is taken from {@code X-Forwarded-For}: the right-most hop that is not a trusted proxy
 * (the left part of that header is the client's to write, so it is never believed).
 */
@Component(service = ClientAddress.class, configurationPid = ClientAddress.PID)
@Designate(ocd = ClientAddress.Config.class)
public class ClientAddress {

    static final String PID = "org.castpanel.rest";
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Settings of the REST API, PID {@code org.castpanel.rest} (etc/org.castpanel.rest.cfg). */
    @ObjectClassDefinition(name = "CastPanel REST API", description = "How the API sees its clients")
    public @interface Config {
        @AttributeDefinition(
                description = "Addresses of reverse proxies in front of the panel whose X-Forwarded-For "
                        + "header is believed (comma-separated); empty: none")
        String trustedProxies() default "";
    }

    private volatile Set<String> trusted;

    @Activate
    public ClientAddress(final Config config) {
        modified(config);
    }

    @Modified
    void modified(Config config) {
        trusted = Arrays.stream(config.trustedProxies().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether an address (a literal, never resolved) is this machine's loopback. */
    static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    String of(HttpServletRequest request) {
        return request == null ? null : of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    String of(String remote, String forwardedFor) {
        if (remote == null || !trusted.contains(remote) || forwardedFor == null || forwardedFor.isBlank()) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!ADDRESS.matcher(hop).matches()) {
                return remote; // not an address: the header is not to be believed
            }
            if (!trusted.contains(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }
}
