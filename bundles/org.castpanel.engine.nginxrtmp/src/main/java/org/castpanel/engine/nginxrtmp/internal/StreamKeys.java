/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stream keys derived from the plugin's secret: {@code <serviceId>-<HMAC(serviceId:generation)>}.
 * Nothing to store per service; raising a service's key generation rotates its key, and the old
 * one no longer matches anything. The id prefix only says which service to check against.
 */
final class StreamKeys {

    private final byte[] secret;

    StreamKeys(byte[] secret) {
        this.secret = secret.clone();
    }

    String key(long serviceId, long generation) {
        return serviceId + "-" + mac(serviceId + ":" + generation).substring(0, 24);
    }

    /**
     * What nginx's relay from {@code ingest} to {@code live} carries in its tcUrl: the live
     * application's publish callback lets in only a publisher that presents it. It is in nginx.conf
     * (readable by its owner only), never on a command line.
     */
    String relayToken() {
        return mac("relay").substring(0, 32);
    }

    /**
     * The token a service's own restreaming ffmpeg plays with from {@code live}; it shows in
     * {@code ps}, so it is per service and lets only that service's public stream be played without
     * taking a viewer slot.
     */
    String pushToken(long serviceId) {
        return mac("push:" + serviceId).substring(0, 32);
    }

    static OptionalLong serviceOf(String key) {
        int dash = key == null ? -1 : key.indexOf('-');
        if (dash < 1 || dash > 19) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(key.substring(0, dash)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
