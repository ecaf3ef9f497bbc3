/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.castpanel.engine.api.platform.CallbackHandler;
import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.CallbackRequest;
import org.castpanel.engine.api.platform.Callbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback endpoint without HTTP: URLs {@code <base>/<engine>/<scope>/<token>/<event>}, where
 * the token is HMAC-SHA256(secret, engine + "/" + scope), and the dispatch of a request path to
 * the engine's handler once its token checked out. Shared by the servlet and {@code Standalone}.
 */
public class CallbackRoutes implements Callbacks {

    /** Where the servlet listens, under the panel's HTTP root. */
    public static final String PATH = "/castpanel-callbacks";

    private static final Logger LOG = LoggerFactory.getLogger(CallbackRoutes.class);
    private static final Pattern ENGINE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Pattern EVENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final byte[] secret;
    private final Map<String, CallbackHandler> handlers = new ConcurrentHashMap<>();
    private volatile String baseUrl;

    public CallbackRoutes(byte[] secret, String baseUrl) {
        this.secret = secret.clone();
        setBaseUrl(baseUrl);
    }

    final void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "") + PATH;
    }

    @Override
    public String url(String engineType, String scope) {
        require(ENGINE, engineType, "engine type");
        require(SCOPE, scope, "callback scope");
        return baseUrl + "/" + engineType + "/" + scope + "/" + token(engineType, scope);
    }

    @Override
    public AutoCloseable register(String engineType, CallbackHandler handler) {
        require(ENGINE, engineType, "engine type");
        if (handlers.putIfAbsent(engineType, handler) != null) {
            throw new IllegalStateException("callbacks of " + engineType + " are already handled");
        }
        return () -> handlers.remove(engineType, handler);
    }

    /**
     * Answers a request for {@code path} (below {@link #PATH}: {@code /<engine>/<scope>/<token>/<event>}).
     * Anything malformed, a wrong token or an engine without a handler is a 404 that says nothing more.
     */
    public CallbackReply dispatch(
            String path, String method, Map<String, List<String>> parameters, String remoteAddress) {
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        if (parts.length != 5
                || !parts[0].isEmpty()
                || !ENGINE.matcher(parts[1]).matches()
                || !SCOPE.matcher(parts[2]).matches()
                || !EVENT.matcher(parts[4]).matches()) {
            return CallbackReply.notFound();
        }
        byte[] expected = token(parts[1], parts[2]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return CallbackReply.notFound();
        }
        CallbackHandler handler = handlers.get(parts[1]);
        if (handler == null) {
            return CallbackReply.notFound();
        }
        try {
            return handler.handle(new CallbackRequest(parts[2], parts[4], method, parameters, remoteAddress));
        } catch (Exception e) {
            LOG.error("The {} callback {} of {} failed", parts[1], parts[4], parts[2], e);
            return new CallbackReply(500, Map.of(), "");
        }
    }

    private String token(String engineType, String scope) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal((engineType + "/" + scope).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static void require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid " + what + ": " + value);
        }
    }
}
