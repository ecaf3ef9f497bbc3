/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The panel's inbound HTTP endpoint for plugins: a daemon a plugin runs (nginx's {@code on_publish},
 * Icecast's listener authentication, Liquidsoap asking for the next track) calls the URL from
 * {@link #url}, and the platform hands the call to the handler the plugin {@link #register registered}.
 * A plugin never registers a servlet of its own nor compiles against the servlet API.
 *
 * <p>Each URL carries a secret the platform derives for one engine type and one scope, checked in
 * constant time before any handler runs; a wrong or missing secret is a plain 404. Use the scope
 * {@code service-<id>} for one service's daemon, so that one service's config file cannot be used
 * to act for another; use {@code engine} only for a daemon shared by all the engine's services.
 */
@ProviderType
public interface Callbacks {

    /** The scope for one service's daemon. */
    static String serviceScope(long serviceId) {
        return "service-" + serviceId;
    }

    /**
     * The URL a daemon of {@code scope} calls, without a trailing slash: append {@code /<event>}
     * (letters, digits, {@code _} and {@code -}) and send parameters as a query or a form body.
     * Stable across restarts. Scopes are 1 to 64 of {@code a-z 0-9 -}.
     */
    String url(String engineType, String scope);

    /** Routes the engine type's callbacks to {@code handler} until the returned handle is closed. */
    AutoCloseable register(String engineType, CallbackHandler handler);
}
