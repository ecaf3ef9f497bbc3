/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.flussonic;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.castpanel.simulator.media.HttpQuery;
import org.castpanel.simulator.media.NginxRtmp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulated Flussonic Media Server: the documented subset of its API v3
 * ({@code /streamer/api/v3/streams}: cursor-paged listing, get, upsert with partial and null
 * semantics, delete, stop; the stats fields; Basic and Bearer auth), the authorization backend
 * protocol (every publish and every new viewer session asks the stream's {@code on_publish} or
 * {@code on_play} URL and obeys: 2xx allows, anything else denies, {@code X-Max-Sessions} caps the
 * stream's sessions, {@code X-AuthDuration} says when to ask again) and HLS at
 * {@code /{name}/index.m3u8}, on one HTTP port. Media is real: encoders publish to
 * {@code rtmp://host:port/static/{name}} on a real nginx-rtmp; pulled inputs and pushes are ffmpeg
 * relays in and out of it.
 */
public final class FlussonicServer implements Closeable {

    /** Ports, credentials and where nginx and ffmpeg are. */
    public record Options(
            Path directory,
            int httpPort,
            int rtmpPort,
            int statPort,
            String user,
            String password,
            String nginx,
            String rtmpModule,
            String ffmpeg) {

        public static Options of(
                Path directory, int httpPort, int rtmpPort, int statPort, String user, String password) {
            return new Options(
                    directory,
                    httpPort,
                    rtmpPort,
                    statPort,
                    user,
                    password,
                    "/usr/sbin/nginx",
                    "/usr/lib/nginx/modules/ngx_rtmp_module.so",
                    "/usr/bin/ffmpeg");
        }
    }

    static final String API = "/streamer/api/v3/streams";
    static final String APP = "static";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern INPUT =
            Pattern.compile("(publish://|(rtmp|rtsp|http|https)://[^\\s'\"`;|&$<>]{3,500})");
    private static final Pattern PUSH = Pattern.compile("rtmps?://[^\\s'\"`;|&$<>]{3,500}");
    private static final Duration SESSION = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A viewer session: who, how, since when it was last authorized, and when last seen. */
    private static final class Session {
        final String id;
        final String stream;
        final String ip;
        final String proto;
        /** What the viewer presented, for asking again (update_session). */
        volatile String token = "";

        volatile String userAgent = "";
        volatile long seen = System.nanoTime();
        volatile long authorizedAt = System.nanoTime();
        volatile long reauthorizeNanos = Long.MAX_VALUE;

        Session(String id, String stream, String ip, String proto) {
            this.id = id;
            this.stream = stream;
            this.ip = ip;
            this.proto = proto;
        }
    }

    /** A stream's runtime: its relays and limits learned from the backend. */
    private static final class Runtime {
        Process pull;
        String pullUrl;
        final List<Process> pushes = new ArrayList<>();
        volatile int maxSessions = Integer.MAX_VALUE;
        final AtomicLong hlsBytes = new AtomicLong();
        long startedAt = System.currentTimeMillis();
    }

    private final Options options;
    private final String relaySecret;
    private final HttpServer http;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final NginxRtmp nginx;
    private final HttpClient backend =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, ObjectNode> streams = new TreeMap<>();
    private final Map<String, Runtime> runtimes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    private FlussonicServer(Options options) throws IOException {
        this.options = options;
        byte[] secret = new byte[12];
        random.nextBytes(secret);
        this.relaySecret = HexFormat.of().formatHex(secret);
        Files.createDirectories(options.directory().resolve("hls"));
        nginx = new NginxRtmp(
                options.directory(),
                options.nginx(),
                options.rtmpModule(),
                "127.0.0.1",
                options.rtmpPort(),
                options.statPort());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", options.httpPort()), 64);
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flussonic-sim-http");
            t.setDaemon(true);
            return t;
        });
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flussonic-sim-relays");
            t.setDaemon(true);
            return t;
        });
        timers.scheduleWithFixedDelay(
                () -> {
                    try {
                        reauthorizeRtmpViewers();
                    } catch (RuntimeException e) {
                        // a failed pass is tried again in a second; it must not end the schedule
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
        http.start();
        try {
            String hooks = "http://127.0.0.1:" + options.httpPort() + "/_media";
            nginx.apply(
                    "    application " + APP + " {\n      live on;\n      on_publish " + hooks + "/publish;\n"
                            + "      on_publish_done " + hooks + "/publish_done;\n      on_play " + hooks + "/play;\n"
                            + "      on_play_done " + hooks + "/play_done;\n      hls on;\n      hls_path "
                            + options.directory().resolve("hls") + ";\n      hls_fragment 1s;\n"
                            + "      hls_playlist_length 6s;\n    }\n",
                    Set.of(APP));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static FlussonicServer start(Options options) throws IOException {
        return new FlussonicServer(options);
    }

    public Options options() {
        return options;
    }

    /** The names of the streams the server has (for tests: what a delete left). */
    public synchronized List<String> streamNames() {
        return List.copyOf(streams.keySet());
    }

    // ---- HTTP: the API, nginx's callbacks, HLS ----

    private record Reply(int status, Object body) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_media/")) {
                media(exchange, path.substring("/_media/".length()));
            } else if (path.startsWith(API)) {
                api(exchange, path);
            } else {
                hls(exchange, path);
            }
        } catch (RuntimeException e) {
            send(exchange, new Reply(500, error(500, "internal", e.toString())));
        }
    }

    private boolean authorized(String header) {
        String token = Base64.getEncoder()
                .encodeToString((options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
        return header != null && (header.equals("Basic " + token) || header.equals("Bearer " + token));
    }

    private void api(HttpExchange exchange, String path) throws IOException {
        if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Flussonic\"");
            send(exchange, new Reply(401, error(401, "unauthorized", "authorization required")));
            return;
        }
        JsonNode body = null;
        byte[] raw = exchange.getRequestBody().readAllBytes();
        if (raw.length > 0) {
            try {
                body = JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                send(
                        exchange,
                        new Reply(400, error(400, "invalid_json", "the body is not JSON: " + e.getOriginalMessage())));
                return;
            }
        }
        String rest = path.substring(API.length());
        String method = exchange.getRequestMethod();
        Reply reply;
        if (rest.isEmpty() || rest.equals("/")) {
            reply = method.equals("GET")
                    ? list(HttpQuery.parse(exchange.getRequestURI().getRawQuery()))
                    : new Reply(405, error(405, "method_not_allowed", method));
        } else {
            String[] parts = rest.substring(1).split("/");
            String name = parts[0];
            if (!NAME.matcher(name).matches()) {
                reply = new Reply(400, error(400, "invalid_name", "stream names here are 1-64 of A-Z a-z 0-9 _ -"));
            } else if (parts.length == 2 && parts[1].equals("stop") && method.equals("POST")) {
                reply = stop(name);
            } else if (parts.length == 1) {
                reply = switch (method) {
                    case "GET" -> read(name);
                    case "PUT" -> upsert(name, body);
                    case "DELETE" -> delete(name);
                    default -> new Reply(405, error(405, "method_not_allowed", method));
                };
            } else {
                reply = new Reply(404, error(404, "not_found", "no such resource: " + path));
            }
        }
        send(exchange, reply);
    }

    private static ObjectNode error(int status, String code, String title) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putArray("errors").addObject();
        e.put("status", Integer.toString(status));
        e.put("code", code);
        e.put("title", title);
        return body;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- the API ----

    private synchronized Reply list(Map<String, String> query) {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        } catch (NumberFormatException e) {
            return new Reply(400, error(400, "invalid_limit", "limit must be a number"));
        }
        if (limit < 1 || limit > 1000) {
            return new Reply(400, error(400, "invalid_limit", "limit must be 1-1000"));
        }
        String after = "";
        if (query.containsKey("cursor")) {
            try {
                after = new String(Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new Reply(400, error(400, "invalid_cursor", "not a cursor this server gave"));
            }
        }
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("streams");
        Map<String, NginxRtmp.StreamCounters> live = nginx.streams().getOrDefault(APP, Map.of()); // one read per page
        String last = null;
        boolean more = false;
        for (String name :
                ((TreeMap<String, ObjectNode>) streams).tailMap(after, false).keySet()) {
            if (list.size() == limit) {
                more = true;
                break;
            }
            list.add(view(name, live));
            last = name;
        }
        page.put("estimated_count", streams.size());
        if (more) {
            page.put(
                    "next",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        } else {
            page.putNull("next");
        }
        return new Reply(200, page);
    }

    private synchronized Reply read(String name) {
        return streams.containsKey(name) ? new Reply(200, view(name)) : missing(name);
    }

    private static Reply missing(String name) {
        return new Reply(404, error(404, "not_found", "stream " + name + " not found"));
    }

    private ObjectNode view(String name) {
        return view(name, nginx.streams().getOrDefault(APP, Map.of()));
    }

    /** The stream as the API shows it: its config and its live stats (from nginx's counters). */
    private ObjectNode view(String name, Map<String, NginxRtmp.StreamCounters> counters) {
        ObjectNode view = streams.get(name).deepCopy();
        view.put("name", name);
        NginxRtmp.StreamCounters live = counters.get(name);
        boolean disabled = view.path("disabled").asBoolean(false);
        boolean alive = !disabled && live != null && live.publishing();
        Runtime runtime = runtimes.get(name);
        ObjectNode stats = view.putObject("stats");
        stats.put("alive", alive);
        stats.put("status", alive ? "running" : "waiting");
        stats.put("online_clients", clients(name));
        stats.put("bitrate", alive ? live.bitsInPerSecond() / 1000 : 0);
        stats.put("bytes_in", live == null ? 0 : live.bytesIn());
        stats.put("bytes_out", (live == null ? 0 : live.bytesOut()) + (runtime == null ? 0 : runtime.hlsBytes.get()));
        stats.put("lifetime", alive ? live.uptimeMillis() : 0);
        return view;
    }

    private Reply upsert(String name, JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Reply(400, error(400, "invalid_body", "a stream is a JSON object"));
        }
        String problem = check((ObjectNode) body);
        if (problem != null) {
            return new Reply(400, error(400, "invalid_value", problem));
        }
        synchronized (this) {
            boolean created = !streams.containsKey(name);
            ObjectNode config = created ? JSON.createObjectNode() : streams.get(name);
            body.fields().forEachRemaining(e -> {
                if (e.getKey().equals("name") || e.getKey().equals("stats")) {
                    return;
                }
                if (e.getValue().isNull()) {
                    config.remove(e.getKey()); // {"x": null} turns a feature off
                } else {
                    config.set(e.getKey(), e.getValue());
                }
            });
            streams.put(name, config);
            runtimes.computeIfAbsent(name, n -> new Runtime());
            reconcile(name);
            return new Reply(200, view(name));
        }
    }

    /** Why a stream body is refused, or null. */
    private static String check(ObjectNode body) {
        if (body.has("name") && !NAME.matcher(body.get("name").asText()).matches()) {
            return "name: 1-64 of A-Z a-z 0-9 _ -";
        }
        JsonNode inputs = body.path("inputs");
        if (!inputs.isMissingNode() && !inputs.isNull()) {
            if (!inputs.isArray() || inputs.isEmpty()) {
                return "inputs: a non-empty list of {url}";
            }
            for (JsonNode input : inputs) {
                if (!INPUT.matcher(input.path("url").asText()).matches()) {
                    return "inputs[].url: publish:// or an rtmp, rtsp or http(s) URL without shell characters";
                }
            }
        }
        JsonNode pushes = body.path("pushes");
        if (!pushes.isMissingNode() && !pushes.isNull()) {
            if (!pushes.isArray()) {
                return "pushes: a list of {url, disabled}";
            }
            for (JsonNode push : pushes) {
                if (!PUSH.matcher(push.path("url").asText()).matches()) {
                    return "pushes[].url: an rtmp:// or rtmps:// URL without shell characters";
                }
            }
        }
        for (String hook : List.of("on_play", "on_publish")) {
            JsonNode h = body.path(hook);
            if (!h.isMissingNode() && !h.isNull() && !h.path("url").asText().matches("https?://[^\\s]{3,1000}")) {
                return hook + ".url: an http(s) URL";
            }
        }
        JsonNode dvr = body.path("dvr");
        if (!dvr.isMissingNode() && !dvr.isNull()) {
            for (String field : List.of("expiration", "storage_limit")) {
                if (dvr.has(field)
                        && (!dvr.get(field).canConvertToLong() || dvr.get(field).asLong() < 0)) {
                    return "dvr." + field + ": a whole number >= 0";
                }
            }
        }
        if (body.has("disabled") && !body.get("disabled").isBoolean()) {
            return "disabled: true or false";
        }
        return null;
    }

    private Reply delete(String name) {
        synchronized (this) {
            if (streams.remove(name) == null) {
                return missing(name);
            }
            reconcile(name);
            runtimes.remove(name);
            sessions.values().removeIf(s -> s.stream.equals(name));
        }
        return new Reply(204, null);
    }

    private Reply stop(String name) {
        synchronized (this) {
            if (!streams.containsKey(name)) {
                return missing(name);
            }
        }
        nginx.dropPublisher(APP, name);
        return new Reply(204, null);
    }

    // ---- relays: pulled inputs in, pushes out ----

    /** Brings a stream's pull relay and publisher in line with its config (called with the lock held). */
    private void reconcile(String name) {
        ObjectNode config = streams.get(name);
        Runtime runtime = runtimes.get(name);
        if (runtime == null) {
            return;
        }
        boolean enabled = config != null && !config.path("disabled").asBoolean(false);
        String pullUrl = null;
        if (enabled) {
            for (JsonNode input : config.path("inputs")) {
                String url = input.path("url").asText();
                if (!url.equals("publish://")) {
                    pullUrl = url;
                    break;
                }
            }
        }
        if (runtime.pull != null && (pullUrl == null || !pullUrl.equals(runtime.pullUrl))) {
            runtime.pull.destroyForcibly();
            runtime.pull = null;
        }
        if (pullUrl != null && (runtime.pull == null || !runtime.pull.isAlive())) {
            runtime.pull = relay(pullUrl, local(name));
            runtime.pullUrl = pullUrl;
        }
        if (!enabled) {
            stopPushes(runtime);
            nginx.dropPublisher(APP, name);
        } else if (config.has("pushes")) {
            stopPushes(runtime); // a changed list of pushes starts over
            schedulePushes(name, 0);
        }
    }

    private String local(String name) {
        return "rtmp://127.0.0.1:" + options.rtmpPort() + "/" + APP + "/" + name + "?relay=" + relaySecret;
    }

    private Process relay(String from, String to) {
        List<String> command = new ArrayList<>(List.of(options.ffmpeg(), "-nostdin", "-loglevel", "error"));
        if (from.startsWith("rtsp://")) {
            command.addAll(List.of("-rtsp_transport", "tcp"));
        }
        command.addAll(List.of("-i", from, "-c", "copy", "-f", "flv", to));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void stopPushes(Runtime runtime) {
        runtime.pushes.forEach(Process::destroyForcibly);
        runtime.pushes.clear();
    }

    /** Starts the pushes once the stream is live (shortly after its publish was allowed). */
    private void schedulePushes(String name, int attempt) {
        timers.schedule(
                () -> {
                    synchronized (this) {
                        ObjectNode config = streams.get(name);
                        Runtime runtime = runtimes.get(name);
                        if (config == null
                                || runtime == null
                                || config.path("disabled").asBoolean(false)
                                || !runtime.pushes.isEmpty()) {
                            return;
                        }
                        NginxRtmp.StreamCounters live =
                                nginx.streams().getOrDefault(APP, Map.of()).get(name);
                        if (live == null || !live.publishing()) {
                            if (attempt < 20) {
                                schedulePushes(name, attempt + 1);
                            }
                            return;
                        }
                        for (JsonNode push : config.path("pushes")) {
                            if (!push.path("disabled").asBoolean(false)) {
                                runtime.pushes.add(
                                        relay(local(name), push.path("url").asText()));
                            }
                        }
                    }
                },
                attempt == 0 ? 200 : 500,
                TimeUnit.MILLISECONDS);
    }

    // ---- nginx's callbacks: publishes and RTMP viewers, authorized by the backend ----

    private void media(HttpExchange exchange, String call) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        Map<String, String> p = HttpQuery.parse(exchange.getRequestURI().getRawQuery());
        String name = p.getOrDefault("name", "");
        boolean relay = relaySecret.equals(p.get("relay")) || NginxRtmp.LOCAL_RELAY.equals(p.get("flashver"));
        boolean allowed = switch (call) {
            case "publish" -> {
                boolean ok = relay || authorizePublish(name, p);
                if (ok && relay) {
                    schedulePushes(name, 0); // a pulled input is live: its pushes start
                }
                yield ok;
            }
            case "publish_done" -> {
                Runtime runtime = runtimes.get(name);
                if (runtime != null) {
                    synchronized (this) {
                        stopPushes(runtime);
                    }
                }
                yield true;
            }
            case "play" -> relay || authorizeRtmpViewer(name, p);
            case "play_done" -> {
                sessions.remove("rtmp-" + p.getOrDefault("clientid", ""));
                yield true;
            }
            default -> false;
        };
        exchange.sendResponseHeaders(allowed ? 200 : 403, -1);
    }

    private boolean authorizePublish(String name, Map<String, String> p) {
        ObjectNode config;
        synchronized (this) {
            config = streams.get(name);
            if (config == null || config.path("disabled").asBoolean(false)) {
                return false;
            }
            boolean publishable = false;
            for (JsonNode input : config.path("inputs")) {
                publishable |= input.path("url").asText().equals("publish://");
            }
            if (!publishable) {
                return false;
            }
        }
        String hook = config.path("on_publish").path("url").asText("");
        if (!hook.isEmpty()) {
            Map<String, String> params = new java.util.LinkedHashMap<>();
            params.put("name", name);
            params.put("proto", "rtmp");
            params.put("ip", ip(p.get("addr")));
            params.put("request_type", "new_session");
            params.put("session_id", newId());
            params.put("token", p.getOrDefault("token", ""));
            params.put("stream_clients", Integer.toString(clients(name)));
            params.put("total_clients", Integer.toString(totalClients()));
            if (ask(hook, params) == null) {
                return false;
            }
        }
        schedulePushes(name, 0);
        return true;
    }

    private boolean authorizeRtmpViewer(String name, Map<String, String> p) {
        String id = "rtmp-" + p.getOrDefault("clientid", newId());
        return open(name, id, ip(p.get("addr")), "rtmp", p.getOrDefault("token", ""), p.getOrDefault("flashver", ""));
    }

    private static String ip(String addr) {
        if (addr == null) {
            return "";
        }
        int colon = addr.lastIndexOf(':');
        return colon > 0 && addr.indexOf(':') == colon ? addr.substring(0, colon) : addr;
    }

    /** A new viewer session, if the stream is live to viewers and the backend allows it. */
    private boolean open(String name, String sessionId, String ip, String proto, String token, String userAgent) {
        ObjectNode config;
        Runtime runtime;
        synchronized (this) {
            config = streams.get(name);
            runtime = runtimes.get(name);
            if (config == null || runtime == null || config.path("disabled").asBoolean(false)) {
                return false;
            }
        }
        int max = Math.min(
                runtime.maxSessions, config.path("on_play").path("max_sessions").asInt(Integer.MAX_VALUE));
        if (clients(name) >= max) {
            return false;
        }
        Session session = new Session(sessionId, name, ip, proto);
        String hook = config.path("on_play").path("url").asText("");
        if (!hook.isEmpty() && !authorizeSession(hook, session, token, userAgent, "new_session", runtime)) {
            return false;
        }
        if (clients(name) >= runtime.maxSessions) {
            return false; // the backend's X-Max-Sessions counts this one too
        }
        session.token = token == null ? "" : token;
        session.userAgent = userAgent == null ? "" : userAgent;
        sessions.put(sessionId, session);
        return true;
    }

    /**
     * RTMP viewers do not come back with requests as HLS players do: once their X-AuthDuration has
     * passed they are asked about again here, and dropped from nginx when the backend says no.
     */
    private void reauthorizeRtmpViewers() {
        long now = System.nanoTime();
        for (Session session : sessions.values()) {
            if (!session.proto.equals("rtmp") || now - session.authorizedAt <= session.reauthorizeNanos) {
                continue;
            }
            ObjectNode config;
            Runtime runtime;
            synchronized (this) {
                config = streams.get(session.stream);
                runtime = runtimes.get(session.stream);
            }
            String hook =
                    config == null ? "" : config.path("on_play").path("url").asText("");
            if (runtime == null || hook.isEmpty()) {
                continue;
            }
            if (!authorizeSession(hook, session, session.token, session.userAgent, "update_session", runtime)) {
                sessions.remove(session.id);
                nginx.dropClient(APP, session.stream, session.id.substring("rtmp-".length()));
            }
        }
    }

    private boolean authorizeSession(
            String hook, Session session, String token, String userAgent, String type, Runtime runtime) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("name", session.stream);
        params.put("proto", session.proto);
        params.put("ip", session.ip);
        params.put("request_type", type);
        params.put("session_id", session.id);
        params.put("token", token == null ? "" : token);
        params.put("user_agent", userAgent == null ? "" : userAgent);
        params.put("stream_clients", Integer.toString(clients(session.stream)));
        params.put("total_clients", Integer.toString(totalClients()));
        HttpResponse<Void> answer = ask(hook, params);
        if (answer == null) {
            return false;
        }
        answer.headers().firstValue("X-Max-Sessions").ifPresent(v -> {
            try {
                runtime.maxSessions = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                // an answer without a usable limit keeps the last one
            }
        });
        session.authorizedAt = System.nanoTime();
        session.reauthorizeNanos = answer.headers()
                .firstValue("X-AuthDuration")
                .map(v -> TimeUnit.SECONDS.toNanos(Long.parseLong(v.trim())))
                .orElse(Long.MAX_VALUE);
        return true;
    }

    /** Calls the backend (GET with the parameters as a query); the answer when it allowed, else null. */
    private HttpResponse<Void> ask(String hook, Map<String, String> params) {
        StringBuilder url = new StringBuilder(hook).append(hook.contains("?") ? '&' : '?');
        params.forEach((k, v) -> url.append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                .append('&'));
        url.setLength(url.length() - 1);
        try {
            HttpResponse<Void> answer = backend.send(
                    HttpRequest.newBuilder(URI.create(url.toString()))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() >= 200 && answer.statusCode() < 300 ? answer : null;
        } catch (IOException | IllegalArgumentException e) {
            return null; // a backend that does not answer denies
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int clients(String name) {
        long now = System.nanoTime();
        sessions.values().removeIf(s -> !s.proto.equals("rtmp") && now - s.seen > SESSION.toNanos());
        return (int)
                sessions.values().stream().filter(s -> s.stream.equals(name)).count();
    }

    private int totalClients() {
        return sessions.size();
    }

    private String newId() {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    // ---- HLS: /{name}/index.m3u8 and its segments ----

    private void hls(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/");
        if (parts.length != 3 || !NAME.matcher(parts[1]).matches()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String name = parts[1];
        Path file;
        String type;
        if (parts[2].equals("index.m3u8")) {
            file = options.directory().resolve("hls").resolve(name + ".m3u8");
            type = "application/vnd.apple.mpegurl";
        } else if (parts[2].matches(Pattern.quote(name) + "-[0-9]{1,12}\\.ts")) {
            file = options.directory().resolve("hls").resolve(parts[2]);
            type = "video/mp2t";
        } else {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        ObjectNode config;
        Runtime runtime;
        synchronized (this) {
            config = streams.get(name);
            runtime = runtimes.get(name);
        }
        if (config == null
                || runtime == null
                || config.path("disabled").asBoolean(false)
                || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        Map<String, String> q = HttpQuery.parse(exchange.getRequestURI().getRawQuery());
        String ip = exchange.getRemoteAddress().getAddress().getHostAddress();
        String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
        String sessionId = "hls-" + name + "-" + ip + "-" + q.getOrDefault("token", "");
        Session session = sessions.get(sessionId);
        if (session == null) {
            if (!open(name, sessionId, ip, "hls", q.get("token"), userAgent)) {
                exchange.sendResponseHeaders(403, -1);
                return;
            }
            session = sessions.get(sessionId);
        } else if (System.nanoTime() - session.authorizedAt > session.reauthorizeNanos) {
            String hook = config.path("on_play").path("url").asText("");
            if (!hook.isEmpty()
                    && !authorizeSession(hook, session, q.get("token"), userAgent, "update_session", runtime)) {
                sessions.remove(sessionId);
                exchange.sendResponseHeaders(403, -1);
                return;
            }
        }
        if (session != null) {
            session.seen = System.nanoTime();
        }
        byte[] body;
        try (InputStream in = Files.newInputStream(file)) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        runtime.hlsBytes.addAndGet(body.length);
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        timers.shutdownNow();
        synchronized (this) {
            for (Runtime runtime : runtimes.values()) {
                if (runtime.pull != null) {
                    runtime.pull.destroyForcibly();
                }
                stopPushes(runtime);
            }
        }
        nginx.close();
    }
}
