/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of restreaming targets ("publish my broadcast to YouTube too"), the same for every
 * video engine that offers them: {@code pushUrl1}, {@code pushKey1}, … — an RTMP server
 * ({@code rtmp(s)://host[:port]/application[/…]}, a {@link ConfigField.Type#TARGET_URL}, so the
 * core refuses internal hosts when it is saved) and the stream key that platform gave (secret,
 * never shown back). A plugin checks each host again with the platform's {@code OutboundTargets}
 * before it hands it to its server.
 */
public final class Restreaming {

    /** One complete target: its number, its server and key. */
    public record Target(int number, URI server, String key) {

        /** The application path of the server URL, without slashes at its ends. */
        public String application() {
            return server.getPath().replaceAll("^/+|/+$", "");
        }

        /** The server URL with the key appended, as RTMP pushes name a stream. */
        public String url() {
            return server.toString().replaceAll("/+$", "") + "/" + key;
        }
    }

    private Restreaming() {}

    /** The fields of {@code count} targets, server then key, numbered from 1. */
    public static List<ConfigField> fields(int count) {
        List<ConfigField> fields = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            fields.add(ConfigField.builder("pushUrl" + n, ConfigField.Type.TARGET_URL)
                    .label("Restream " + n + ": server")
                    .maxLength(300)
                    .pattern("rtmps?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")
                    .description("RTMP server to publish to while you broadcast, e.g. rtmp://a.rtmp.youtube.com/live2")
                    .build());
            fields.add(ConfigField.builder("pushKey" + n, ConfigField.Type.TEXT)
                    .label("Restream " + n + ": stream key")
                    .maxLength(200)
                    .secret()
                    .pattern("[A-Za-z0-9_.-]{1,200}")
                    .description("The key that platform gave you (letters, digits and _ - . only)")
                    .build());
        }
        return fields;
    }

    /** The complete targets among the first {@code count} (a server without a key, or a key alone, is none). */
    public static List<Target> targets(Settings settings, int count) {
        List<Target> targets = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Optional<String> url = settings.text("pushUrl" + n).filter(u -> !u.isBlank());
            Optional<String> key = settings.text("pushKey" + n).filter(k -> !k.isBlank());
            if (url.isEmpty() || key.isEmpty()) {
                continue;
            }
            URI server = URI.create(url.get());
            if (server.getHost() == null) {
                throw new IllegalArgumentException("pushUrl" + n + " names no host: " + url.get());
            }
            targets.add(new Target(n, server, key.get()));
        }
        return targets;
    }
}
