package org.castpanel.engine.nginxrtmp.internal;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * nginx-rtmp's {@code on_publish}, {@code on_play} and their {@code _done} notifications, posted as
 * forms to {@code /castpanel-callbacks/nginx-rtmp/<token>/<event>}. Any 2xx lets the client in,
 * anything else refuses it; a 3xx on publish renames the stream, which is how a stream key turns
 * into the public name {@code service_<id>} before anything (HLS files, players) can see it. The
 * token in the path is derived from the plugin's secret: only the nginx the panel wrote knows it.
 * {@code relay} is the live application's publish check: only nginx's own relay of a stream the
 * ingest callback let in may publish there.
 */
final class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient NginxRtmpEngineFactory engine;

    CallbackServlet(NginxRtmpEngineFactory engine) {
        this.engine = engine;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || !StreamKeys.same(parts[1], engine.callbackToken())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = request.getParameter("name");
        String address = request.getParameter("addr");
        switch (parts[2]) {
            case "publish" -> {
                Optional<NginxRtmpHandler> handler = engine.byKey(name);
                if (handler.isPresent() && handler.get().authorizePublish(name, address)) {
                    // nginx-rtmp takes the new stream name from the Location header
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", handler.get().streamName());
                    handler.get().afterPublish();
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case "relay" -> {
                boolean relay = StreamKeys.same(relayToken(request.getParameter("tcurl")), engine.keys().relayToken());
                if (relay && engine.byStreamName(name).map(NginxRtmpHandler::authorizeRelay).orElse(false)) {
                    response.setStatus(HttpServletResponse.SC_OK);
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case "publish_done" -> {
                engine.byStreamName(name).or(() -> engine.byKey(name)).ifPresent(NginxRtmpHandler::publishEnded);
                response.setStatus(HttpServletResponse.SC_OK);
            }
            case "live_done" -> {
                engine.byStreamName(name).ifPresent(h -> engine.deleteHls(h.serviceId()));
                response.setStatus(HttpServletResponse.SC_OK);
            }
            case "record_done" -> {
                Optional<NginxRtmpHandler> handler = engine.byStreamName(name);
                java.nio.file.Path file = engine.recordingFile(request.getParameter("path"));
                if (handler.isPresent() && file != null) {
                    handler.get().recordingDone(file);
                }
                response.setStatus(HttpServletResponse.SC_OK);
            }
            case "play" -> {
                String push = request.getParameter("push");
                boolean allowed = engine.byStreamName(name)
                        .map(h -> push != null ? h.isPush(push) : h.authorizePlay()).orElse(false);
                if (allowed) {
                    response.setStatus(HttpServletResponse.SC_OK);
                } else {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }
            }
            case "play_done" -> {
                if (request.getParameter("push") == null) {
                    engine.byStreamName(name).ifPresent(NginxRtmpHandler::playEnded);
                }
                response.setStatus(HttpServletResponse.SC_OK);
            }
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The relay token in a publisher's tcUrl ({@code rtmp://127.0.0.1:1935/live?relay=TOKEN}), or null. */
    static String relayToken(String tcUrl) {
        int at = tcUrl == null ? -1 : tcUrl.indexOf("?relay=");
        return at < 0 ? null : tcUrl.substring(at + "?relay=".length());
    }
}
