/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one nginx.conf of the shared nginx. It holds only the administrator's plugin settings and
 * fixed applications, never a customer's text: services are told apart by the publish and play
 * callbacks, so adding, changing or rotating a service never rewrites or reloads nginx.
 * <ul>
 * <li>{@code ingest}: encoders publish here with their stream key; the callback answers with a
 * redirect to the service's public name, and the stream is pushed on to {@code live}.</li>
 * <li>{@code live}: accepts publishing only from the relay above (from this machine, presenting the
 * relay token in its tcUrl, for a stream the ingest callback let in just before); serves RTMP players (checked by the
 * play callback), writes HLS per stream under {@code hls/service_{id}/}, and records the streams
 * of services that record (started per stream through {@code /control/record/start}).</li>
 * </ul>
 */
final class NginxConf {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._/:@+-]+");

    private NginxConf() {}

    static String write(NginxRtmpConfig c, Path dir, String callbackBase, String relayToken, String workerUser) {
        String bind = plain("bindAddress", c.bindAddress());
        String hooks = plain("callback URL", callbackBase);
        URI.create(hooks);
        StringBuilder conf = new StringBuilder();
        conf.append("# written by CastPanel from its Nginx-RTMP plugin settings; changes here are overwritten\n");
        conf.append("load_module ").append(plain("modulePath", c.modulePath())).append(";\n");
        conf.append("daemon off;\nmaster_process on;\nworker_processes 1;\n");
        if (workerUser != null) {
            conf.append("user ").append(plain("user", workerUser)).append(";\n");
        }
        // not nginx.pid: that is the supervisor's file (pid and start time), which nginx would truncate
        // and rewrite under it, so that a check in between found no nginx at all
        conf.append("pid ").append(dir.resolve("nginx-master.pid")).append(";\n");
        conf.append("error_log ").append(dir.resolve("error.log")).append(" warn;\n");
        conf.append("events { worker_connections 4096; }\n\n");
        conf.append("rtmp {\n  server {\n");
        conf.append("    listen ")
                .append(bind)
                .append(':')
                .append(port(c.rtmpPort()))
                .append(";\n");
        conf.append("    notify_method post;\n");
        conf.append("    application ingest {\n      live on;\n      deny play all;\n");
        conf.append("      on_publish ").append(hooks).append("/publish;\n");
        conf.append("      on_publish_done ").append(hooks).append("/publish_done;\n");
        String live = "rtmp://127.0.0.1:" + port(c.rtmpPort()) + "/live";
        conf.append("      push ")
                .append(live)
                .append(" tcUrl=")
                .append(live)
                .append("?relay=")
                .append(plain("relayToken", relayToken))
                .append(";\n    }\n");
        conf.append("    application live {\n      live on;\n");
        conf.append("      allow publish 127.0.0.1;\n      deny publish all;\n");
        // loopback alone is not trusted: any local process (a restreaming ffmpeg a customer points here) is loopback
        conf.append("      on_publish ").append(hooks).append("/relay;\n");
        conf.append("      on_play ").append(hooks).append("/play;\n");
        conf.append("      on_play_done ").append(hooks).append("/play_done;\n");
        conf.append("      on_publish_done ").append(hooks).append("/live_done;\n");
        conf.append("      hls on;\n      hls_path ").append(dir.resolve("hls")).append(";\n");
        conf.append(
                "      hls_nested on;\n      hls_fragment 2s;\n      hls_playlist_length 12s;\n      hls_cleanup on;\n");
        // started per stream through the control endpoint for services that record
        conf.append("      recorder archive {\n        record all manual;\n        record_path ")
                .append(dir.resolve("recordings"))
                .append(";\n        record_unique on;\n        record_suffix .flv;\n");
        conf.append("        on_record_done ").append(hooks).append("/record_done;\n      }\n");
        conf.append("    }\n  }\n}\n\n");
        conf.append("http {\n  access_log off;\n");
        conf.append("  log_format castpanel_hls '$msec $remote_addr $uri $body_bytes_sent';\n");
        conf.append("  server {\n    listen ")
                .append(bind)
                .append(':')
                .append(port(c.httpPort()))
                .append(";\n");
        conf.append("    location /hls/ {\n      alias ")
                .append(dir.resolve("hls"))
                .append("/;\n");
        conf.append("      access_log ").append(dir.resolve("hls-access.log")).append(" castpanel_hls;\n");
        conf.append("      types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }\n");
        conf.append(
                "      add_header Cache-Control no-cache;\n      add_header Access-Control-Allow-Origin *;\n    }\n");
        conf.append("    location /stat { allow 127.0.0.1; deny all; rtmp_stat all; }\n");
        conf.append("    location /control { allow 127.0.0.1; deny all; rtmp_control all; }\n");
        conf.append("    location / { return 404; }\n  }\n}\n");
        return conf.toString();
    }

    /** Settings reach the file verbatim, so they are held to characters that cannot end a directive. */
    private static String plain(String name, String value) {
        if (value == null || !PLAIN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " may use letters, digits and . _ / : @ + - only: " + value);
        }
        return value;
    }

    private static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        return port;
    }
}
