package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.io.UncheckedIOException;

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
        this.factory = new NginxRtmpEngineFactory(platform.supervisor(), platform.directories(), platform.targets(),
                config(ports[0], ports[1], "http://127.0.0.1:9"), null);
        return factory;
    }

    /** The shared nginx outlives the plugin by design; the test stops the one it started. */
    @AfterEach
    void stopNginx() {
        factory.stopServer(platform.supervisor());
        factory.deactivate();
    }

    /** Two different free ports: both sockets stay open until both are chosen. */
    static int[] freePorts() {
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            return new int[] { a.getLocalPort(), b.getLocalPort() };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NginxRtmpConfig config(int rtmpPort, int httpPort, String panelUrl) {
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
            public String hostname() {
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

            @Override
            public String panelUrl() {
                return panelUrl;
            }
        };
    }
}
