/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.castpanel.engine.api.platform.OutboundTargets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * Refuses targets inside this machine or its networks. Every address a name resolves to must be
 * public: one private answer among public ones is enough to refuse, since a client may pick any.
 */
@Component(service = OutboundTargets.class, configurationPid = PlatformConfig.PID)
public class OutboundTargetsImpl implements OutboundTargets {

    private volatile Set<String> allowed;

    @Activate
    public OutboundTargetsImpl(final PlatformConfig config) {
        modified(config);
    }

    @Modified
    void modified(PlatformConfig config) {
        allowed = Arrays.stream(config.allowedTargetHosts().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void check(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the target has no host");
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (allowed.contains(name)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("the host " + host + " does not resolve");
        }
        Set<InetAddress> local = localAddresses();
        for (InetAddress address : addresses) {
            String why = internal(address, local);
            if (why != null) {
                throw new IllegalArgumentException(
                        "the host " + host + " is " + why + " (" + address.getHostAddress()
                                + "); targets must be public hosts — an administrator can allow this one in allowedTargetHosts");
            }
        }
    }

    static String internal(InetAddress address, Set<InetAddress> local) {
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress() || uniqueLocal(address) || carrierGrade(address)) {
            return "in a private range";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (local.contains(address)) {
            return "this machine";
        }
        return null;
    }

    /** fc00::/7, the IPv6 counterpart of the private ranges, which {@code isSiteLocalAddress} does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, shared address space behind carrier NAT: not reachable from the public internet either. */
    private static boolean carrierGrade(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static Set<InetAddress> localAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
        } catch (SocketException e) {
            // without the interface list, the range checks above still hold
        }
        return addresses;
    }
}
