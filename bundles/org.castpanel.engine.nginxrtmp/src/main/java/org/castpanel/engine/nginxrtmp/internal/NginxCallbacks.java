/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.util.Optional;

import org.castpanel.engine.api.platform.CallbackHandler;
import org.castpanel.engine.api.platform.CallbackReply;
import org.castpanel.engine.api.platform.CallbackRequest;

/**
 * nginx-rtmp's {@code on_publish}, {@code on_play} and their {@code _done} notifications, posted as
 * forms to the platform's callback endpoint (scope {@code engine}: one nginx serves every service;
 * the platform checked the URL's secret before this runs). Any 2xx lets the client in,
 * anything else refuses it; a 3xx on publish renames the stream, which is how a stream key turns
 * into the public name {@code service_<id>} before anything (HLS files, players) can see it.
 * {@code relay} is the live application's publish check: only nginx's own relay of a stream the
 * ingest callback let in may publish there.
 */
final class NginxCallbacks implements CallbackHandler {

    private final NginxRtmpEngineFactory engine;

    NginxCallbacks(NginxRtmpEngineFactory engine) {
        this.engine = engine;
    }

    @Override
    public CallbackReply handle(CallbackRequest request) {
        if (!"engine".equals(request.scope())) {
            return CallbackReply.notFound();
        }
        String name = request.parameter("name");
        String address = request.parameter("addr");
        return switch (request.event()) {
            case "publish" -> {
                Optional<NginxRtmpHandler> handler = engine.byKey(name);
                if (handler.isPresent() && handler.get().authorizePublish(name, address)) {
                    handler.get().afterPublish();
                    // nginx-rtmp takes the new stream name from the Location header
                    yield CallbackReply.redirect(handler.get().streamName());
                }
                yield CallbackReply.forbidden();
            }
            case "relay" -> {
                boolean relay = StreamKeys.same(
                        relayToken(request.parameter("tcurl")), engine.keys().relayToken());
                yield relay
                                && engine.byStreamName(name)
                                        .map(NginxRtmpHandler::authorizeRelay)
                                        .orElse(false)
                        ? CallbackReply.ok()
                        : CallbackReply.forbidden();
            }
            case "publish_done" -> {
                engine.byStreamName(name).or(() -> engine.byKey(name)).ifPresent(NginxRtmpHandler::publishEnded);
                yield CallbackReply.ok();
            }
            case "live_done" -> {
                engine.byStreamName(name).ifPresent(h -> engine.deleteHls(h.serviceId()));
                yield CallbackReply.ok();
            }
            case "record_done" -> {
                Optional<NginxRtmpHandler> handler = engine.byStreamName(name);
                java.nio.file.Path file = engine.recordingFile(request.parameter("path"));
                if (handler.isPresent() && file != null) {
                    handler.get().recordingDone(file);
                }
                yield CallbackReply.ok();
            }
            case "play" -> {
                String push = request.parameter("push");
                boolean allowed = engine.byStreamName(name)
                        .map(h -> push != null ? h.isPush(push) : h.authorizePlay())
                        .orElse(false);
                yield allowed ? CallbackReply.ok() : CallbackReply.forbidden();
            }
            case "play_done" -> {
                if (request.parameter("push") == null) {
                    engine.byStreamName(name).ifPresent(NginxRtmpHandler::playEnded);
                }
                yield CallbackReply.ok();
            }
            default -> CallbackReply.notFound();
        };
    }

    /** The relay token in a publisher's tcUrl ({@code rtmp://127.0.0.1:1935/live?relay=TOKEN}), or null. */
    static String relayToken(String tcUrl) {
        int at = tcUrl == null ? -1 : tcUrl.indexOf("?relay=");
        return at < 0 ? null : tcUrl.substring(at + "?relay=".length());
    }
}
