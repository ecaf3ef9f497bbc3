/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;

import org.castpanel.engine.api.EngineFactory;
import org.castpanel.engine.testkit.EngineContractTest;
import org.castpanel.engine.testkit.LocalPlatform;
import org.junit.jupiter.api.AfterEach;

/** The engine contract against a real nginx with the RTMP module (./castpanel test installs them). */
class NginxRtmpContractTest extends EngineContractTest {

    private NginxRtmpEngineFactory factory;
    private LocalPlatform platform;

    @Override
    protected EngineFactory createFactory(LocalPlatform platform) {
        this.platform = platform;
        int[] ports = freePorts();
        this.factory = new NginxRtmpEngineFactory(
                platform.supervisor(),
                platform.directories(),
                platform.targets(),
                platform.callbacks(),
                platform.node(),
                config(ports[0], ports[1]));
        return factory;
    }

    /** The shared nginx outlives the plugin by design; the test stops the one it started. */
    @AfterEach
    void stopNginx() throws Exception {
        factory.stopServer(platform.supervisor());
        factory.deactivate();
    }

    /** nginx's hooks reach the plugin through the platform's callback endpoint, its secret checked first. */
    @org.junit.jupiter.api.Test
    void nginxCallbacksGoThroughThePlatformsEndpoint() {
        String url = platform.callbacks().url(NginxRtmpEngineFactory.TYPE, "engine");
        java.util.Map<String, java.util.List<String>> unknownKey =
                java.util.Map.of("name", java.util.List.of("7-abc"), "addr", java.util.List.of("203.0.113.5"));
        org.junit.jupiter.api.Assertions.assertEquals(
                403, platform.callbacks().call(url, "publish", unknownKey).status(), "a key of no service is refused");
        org.junit.jupiter.api.Assertions.assertEquals(
                404,
                platform.callbacks()
                        .call(url.substring(0, url.length() - 1) + "x", "publish", unknownKey)
                        .status(),
                "a wrong secret is not found");
        org.junit.jupiter.api.Assertions.assertEquals(
                404,
                platform.callbacks()
                        .call(platform.callbacks().url(NginxRtmpEngineFactory.TYPE, "service-1"), "publish", unknownKey)
                        .status(),
                "nginx-rtmp answers only its shared nginx's scope");
    }

    /** Two different free ports: both sockets stay open until both are chosen. */
    static int[] freePorts() {
        try (ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0)) {
            return new int[] {a.getLocalPort(), b.getLocalPort()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NginxRtmpConfig config(int rtmpPort, int httpPort) {
        return new NginxRtmpConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return NginxRtmpConfig.class;
            }

            @Override
            public String binary() {
                return "/usr/sbin/nginx";
            }

            @Override
            public String modulePath() {
                return "/usr/lib/nginx/modules/ngx_rtmp_module.so";
            }

            @Override
            public int rtmpPort() {
                return rtmpPort;
            }

            @Override
            public int httpPort() {
                return httpPort;
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public String user() {
                return "www-data";
            }

            @Override
            public String ffmpeg() {
                return "/usr/bin/ffmpeg";
            }
        };
    }
}
