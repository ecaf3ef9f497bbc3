/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * The simulated Wowza Streaming Engine: the documented subset of its REST API on port 8087
 * (applications and their actions, publishers, push-publish map entries, advanced settings,
 * monitoring of applications and incoming streams, disconnecting a stream), with basic or digest
 * authentication, in front of a real nginx-rtmp ({@link MediaPlane}).
 */
public final class WowzaServer implements Closeable {

    /** How to run it: ports, REST credentials and method, where nginx is. */
    public record Options(
            Path directory,
            int restPort,
            int rtmpPort,
            int hlsPort,
            int statPort,
            String restUser,
            String restPassword,
            RestAuth.Method authentication,
            String nginx,
            String rtmpModule) {

        /** Loopback ports of the caller's choosing, the given REST method, Debian's nginx. */
        public static Options of(
                Path directory,
                int restPort,
                int rtmpPort,
                int hlsPort,
                int statPort,
                String user,
                String password,
                boolean digest) {
            return new Options(
                    directory,
                    restPort,
                    rtmpPort,
                    hlsPort,
                    statPort,
                    user,
                    password,
                    digest ? RestAuth.Method.DIGEST : RestAuth.Method.BASIC,
                    "/usr/sbin/nginx",
                    "/usr/lib/nginx/modules/ngx_rtmp_module.so");
        }
    }

    static final String SERVER = "_defaultServer_";
    static final String VHOST = "_defaultVHost_";
    static final String INSTANCE = "_definst_";
    static final String PUSH_PUBLISH_MODULE = "com.wowza.wms.plugin.pushpublish.module.ModulePushPublish";
    private static final String BASE = "/v2/servers/" + SERVER;
    private static final String APPS = BASE + "/vhosts/" + VHOST + "/applications";
    private static final List<String> APP_TYPES = List.of("Live", "LiveEdge", "VOD", "VODEdge", "Chat", "Other");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One application as the REST API holds it. */
    private static final class Application {
        ObjectNode config;
        ArrayNode modules = JSON.createArrayNode();
        final Map<String, ObjectNode> mapEntries = new LinkedHashMap<>();
        boolean running;
        long startedAt;
    }

    private final Options options;
    private final RestAuth auth;
    private final HttpServer rest;
    private final ExecutorService workers;
    private final MediaPlane media;
    private final Map<String, Application> apps = new LinkedHashMap<>();
    private final Map<String, String> publishers = new ConcurrentHashMap<>();
    private final Map<String, Integer> rtmpPlayers = new ConcurrentHashMap<>();

    private WowzaServer(Options options) throws IOException {
        this.options = options;
        this.auth = new RestAuth(options.authentication(), options.restUser(), options.restPassword());
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", options.restPort()), 64);
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wowza-sim-rest");
            t.setDaemon(true);
            return t;
        });
        rest.setExecutor(workers);
        rest.createContext("/", this::handle);
        rest.start();
        try {
            media = new MediaPlane(
                    options.directory(),
                    options.nginx(),
                    options.rtmpModule(),
                    "127.0.0.1",
                    options.rtmpPort(),
                    options.hlsPort(),
                    options.statPort(),
                    "http://127.0.0.1:" + options.restPort() + "/_media",
                    this::mayPlay);
            media.apply(List.of());
        } catch (IOException | RuntimeException e) {
            rest.stop(0);
            workers.shutdownNow();
            throw e;
        }
    }

    /** Starts the REST API and nginx. */
    public static WowzaServer start(Options options) throws IOException {
        return new WowzaServer(options);
    }

    public Options options() {
        return options;
    }

    /** The names of the applications the server has (for tests: what a deprovision left). */
    public synchronized List<String> applicationNames() {
        return List.copyOf(apps.keySet());
    }

    public List<String> publisherNames() {
        return List.copyOf(publishers.keySet());
    }

    // ---- HTTP ----

    private record Reply(int status, Object body) {}

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_media/")) {
                media(exchange, path.substring("/_media/".length()));
                return;
            }
            if (!auth.admits(exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("WWW-Authenticate", auth.challenge());
                send(exchange, new Reply(401, error("Unauthorized")));
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept == null || !accept.contains("json")) {
                // the real server answers XML then; this simulator speaks the JSON the plugin must ask for
                send(
                        exchange,
                        new Reply(406, error("send Accept: application/json; this simulator answers JSON only")));
                return;
            }
            JsonNode body = null;
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (raw.length > 0) {
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                if (type == null || !type.contains("application/json")) {
                    send(exchange, new Reply(415, error("Content-Type must be application/json")));
                    return;
                }
                try {
                    body = JSON.readTree(raw);
                } catch (JsonProcessingException e) {
                    send(
                            exchange,
                            new Reply(400, error("The request body is not valid JSON: " + e.getOriginalMessage())));
                    return;
                }
            }
            send(exchange, route(exchange.getRequestMethod(), path, body));
        } catch (RuntimeException e) {
            send(exchange, new Reply(500, error(e.toString())));
        }
    }

    private static ObjectNode error(String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("success", false);
        error.put("message", message);
        error.putNull("data");
        return error;
    }

    private static ObjectNode success(String message) {
        ObjectNode ok = JSON.createObjectNode();
        ok.put("success", true);
        ok.put("message", message);
        ok.putNull("data");
        return ok;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Reply route(String method, String path, JsonNode body) {
        if (path.equals(BASE) && method.equals("GET")) {
            ObjectNode server = JSON.createObjectNode();
            server.put("serverName", SERVER);
            server.put("version", "Wowza Streaming Engine 4.8.27 (CastPanel simulator)");
            return new Reply(200, server);
        }
        if (path.equals(BASE + "/publishers") && method.equals("POST")) {
            return createPublisher(body);
        }
        if (path.startsWith(BASE + "/publishers/")) {
            return publisher(method, path.substring((BASE + "/publishers/").length()));
        }
        if (path.equals(APPS) && method.equals("GET")) {
            ObjectNode list = JSON.createObjectNode();
            list.put("serverName", SERVER);
            ArrayNode array = list.putArray("applications");
            apps.forEach((name, app) -> {
                ObjectNode entry = array.addObject();
                entry.put("id", name);
                entry.put("href", APPS + "/" + name);
                entry.put("appType", app.config.path("appType").asText());
                entry.put("dvrEnabled", false);
                entry.put("drmEnabled", false);
                entry.put("transcoderEnabled", false);
                entry.put("streamTargetsEnabled", hasPushPublish(app));
            });
            return new Reply(200, list);
        }
        if (path.startsWith(APPS + "/")) {
            String[] rest = path.substring(APPS.length() + 1).split("/");
            return application(method, rest, body);
        }
        return new Reply(404, error("No such resource: " + path));
    }

    private Reply createPublisher(JsonNode body) {
        if (body == null
                || !body.path("name").isTextual()
                || !body.path("password").isTextual()) {
            return new Reply(400, error("A publisher needs a name and a password"));
        }
        String name = body.get("name").asText();
        if (!MediaPlane.NAME.matcher(name).matches()) {
            return new Reply(400, error("Invalid publisher name: " + name));
        }
        if (body.get("password").asText().isEmpty()) {
            return new Reply(400, error("The publisher's password may not be empty"));
        }
        if (publishers.putIfAbsent(name, body.get("password").asText()) != null) {
            return new Reply(409, error("Publisher (" + name + ") already exists."));
        }
        return new Reply(201, success("Publisher (" + name + ") created successfully."));
    }

    private Reply publisher(String method, String name) {
        if (!publishers.containsKey(name)) {
            return new Reply(404, error("Publisher (" + name + ") does not exist."));
        }
        return switch (method) {
            case "GET" -> {
                ObjectNode p = JSON.createObjectNode();
                p.put("name", name);
                p.put("password", "********"); // Wowza does not show it back either
                yield new Reply(200, p);
            }
            case "DELETE" -> {
                publishers.remove(name);
                yield new Reply(200, success("Publisher (" + name + ") deleted successfully."));
            }
            default -> new Reply(405, error(method + " is not supported here"));
        };
    }

    private Reply application(String method, String[] rest, JsonNode body) {
        String name = rest[0];
        if (!MediaPlane.NAME.matcher(name).matches()) {
            return new Reply(400, error("Invalid application name: " + name));
        }
        Application app = apps.get(name);
        if (rest.length == 1) {
            return switch (method) {
                case "POST" ->
                    app != null
                            ? new Reply(409, error("Application (" + name + ") already exists."))
                            : saveApplication(name, null, body);
                case "PUT" -> app == null ? missing(name) : saveApplication(name, app, body);
                case "GET" -> app == null ? missing(name) : new Reply(200, app.config);
                case "DELETE" -> {
                    if (app == null) {
                        yield missing(name);
                    }
                    apps.remove(name);
                    media.forget(name);
                    if (app.running) {
                        applyMedia();
                    }
                    yield new Reply(200, success("Application (" + name + ") deleted successfully."));
                }
                default -> new Reply(405, error(method + " is not supported here"));
            };
        }
        if (app == null) {
            return missing(name);
        }
        String sub = String.join("/", java.util.Arrays.copyOfRange(rest, 1, rest.length));
        if (sub.startsWith("actions/") && method.equals("PUT")) {
            switch (sub.substring("actions/".length())) {
                case "restart" -> {
                    app.running = true;
                    app.startedAt = System.currentTimeMillis();
                }
                case "shutdown" -> app.running = false;
                default -> {
                    return new Reply(400, error("Unknown action: " + sub));
                }
            }
            applyMedia();
            return new Reply(200, success("Application (" + name + ") action " + sub.substring(8) + " succeeded."));
        }
        if (sub.equals("adv")) {
            return advanced(method, app, body);
        }
        if (sub.equals("instances") && method.equals("GET")) {
            ObjectNode list = JSON.createObjectNode();
            list.put("serverName", SERVER);
            ArrayNode instances = list.putArray("instanceList");
            if (app.running) {
                ObjectNode instance = instances.addObject();
                instance.put("name", INSTANCE);
                instance.putArray("incomingStreams");
            }
            return new Reply(200, list);
        }
        if (sub.equals("monitoring/current") && method.equals("GET")) {
            return new Reply(200, applicationMonitoring(name, app));
        }
        if (sub.startsWith("pushpublish/mapentries")) {
            return mapEntries(method, name, app, sub.substring("pushpublish/mapentries".length()), body);
        }
        if (sub.startsWith("instances/" + INSTANCE + "/incomingstreams/")) {
            String[] s = sub.substring(("instances/" + INSTANCE + "/incomingstreams/").length())
                    .split("/");
            return incomingStream(method, name, app, s);
        }
        return new Reply(404, error("No such resource under application " + name + ": " + sub));
    }

    private static Reply missing(String name) {
        return new Reply(404, error("Application (" + name + ") does not exist."));
    }

    private Reply saveApplication(String name, Application existing, JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Reply(400, error("The application's settings are missing"));
        }
        if (body.has("name") && !body.get("name").asText().equals(name)) {
            return new Reply(
                    400,
                    error("The name in the body (" + body.get("name").asText() + ") differs from the one in the URL ("
                            + name + ")"));
        }
        JsonNode type = body.get("appType");
        if (existing == null && (type == null || !APP_TYPES.contains(type.asText()))) {
            return new Reply(400, error("appType must be one of " + APP_TYPES));
        }
        if (type != null && !APP_TYPES.contains(type.asText())) {
            return new Reply(400, error("appType must be one of " + APP_TYPES));
        }
        JsonNode security = body.path("securityConfig");
        JsonNode max = security.path("playMaximumConnections");
        if (!max.isMissingNode() && (!max.canConvertToInt() || max.asInt() < 0)) {
            return new Reply(400, error("securityConfig.playMaximumConnections must be a whole number >= 0"));
        }
        JsonNode requirePassword = security.path("publishRequirePassword");
        if (!requirePassword.isMissingNode() && !requirePassword.isBoolean()) {
            return new Reply(400, error("securityConfig.publishRequirePassword must be true or false"));
        }
        Application app = existing == null ? new Application() : existing;
        ObjectNode config = existing == null ? JSON.createObjectNode() : existing.config.deepCopy();
        merge(config, (ObjectNode) body);
        config.put("name", name);
        config.put("serverName", SERVER);
        app.config = config;
        if (existing == null) {
            apps.put(name, app);
            return new Reply(201, success("Application (" + name + ") created successfully."));
        }
        if (app.running) {
            applyMedia();
        }
        return new Reply(200, success("Application (" + name + ") updated successfully."));
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            if (e.getValue().isObject() && into.path(e.getKey()).isObject()) {
                merge((ObjectNode) into.get(e.getKey()), (ObjectNode) e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private Reply advanced(String method, Application app, JsonNode body) {
        if (method.equals("GET")) {
            ObjectNode adv = JSON.createObjectNode();
            adv.set("modules", app.modules);
            adv.putArray("advancedSettings");
            return new Reply(200, adv);
        }
        if (!method.equals("PUT")) {
            return new Reply(405, error(method + " is not supported here"));
        }
        if (body == null || !body.path("modules").isArray()) {
            return new Reply(400, error("modules must be a list of {name, description, class, order}"));
        }
        for (JsonNode module : body.get("modules")) {
            if (!module.path("class").isTextual() || !module.path("name").isTextual()) {
                return new Reply(400, error("every module needs a name and a class"));
            }
        }
        app.modules = (ArrayNode) body.get("modules");
        if (app.running) {
            applyMedia();
        }
        return new Reply(200, success("Application advanced settings updated."));
    }

    private static boolean hasPushPublish(Application app) {
        for (JsonNode module : app.modules) {
            if (PUSH_PUBLISH_MODULE.equals(module.path("class").asText())) {
                return true;
            }
        }
        return false;
    }

    private Reply mapEntries(String method, String appName, Application app, String rest, JsonNode body) {
        if (rest.isEmpty()) {
            if (!method.equals("GET")) {
                return new Reply(405, error(method + " is not supported here"));
            }
            ObjectNode list = JSON.createObjectNode();
            list.put("serverName", SERVER);
            ArrayNode entries = list.putArray("mapEntries");
            app.mapEntries.values().forEach(e -> {
                ObjectNode shown = e.deepCopy();
                if (shown.has("password")) {
                    shown.put("password", "********");
                }
                entries.add(shown);
            });
            return new Reply(200, list);
        }
        String entryName = rest.substring(1);
        if (!MediaPlane.NAME.matcher(entryName).matches()) {
            return new Reply(400, error("Invalid entry name: " + entryName));
        }
        ObjectNode entry = app.mapEntries.get(entryName);
        switch (method) {
            case "GET":
                return entry == null
                        ? new Reply(404, error("Map entry (" + entryName + ") does not exist."))
                        : new Reply(200, entry);
            case "DELETE":
                if (entry == null) {
                    return new Reply(404, error("Map entry (" + entryName + ") does not exist."));
                }
                app.mapEntries.remove(entryName);
                break;
            case "POST":
            case "PUT":
                if (method.equals("POST") && entry != null) {
                    return new Reply(409, error("Map entry (" + entryName + ") already exists."));
                }
                if (method.equals("PUT") && entry == null) {
                    return new Reply(404, error("Map entry (" + entryName + ") does not exist."));
                }
                String problem = checkMapEntry(body);
                if (problem != null) {
                    return new Reply(400, error(problem));
                }
                ObjectNode saved = ((ObjectNode) body).deepCopy();
                saved.put("entryName", entryName);
                app.mapEntries.put(entryName, saved);
                break;
            default:
                return new Reply(405, error(method + " is not supported here"));
        }
        if (app.running) {
            applyMedia();
        }
        return new Reply(
                method.equals("POST") ? 201 : 200, success("Map entry (" + entryName + ") saved in " + appName));
    }

    private static String checkMapEntry(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "The map entry's settings are missing";
        }
        if (!"rtmp".equals(body.path("profile").asText())) {
            return "profile must be rtmp (the only one this simulator pushes)";
        }
        if (!MediaPlane.NAME.matcher(body.path("sourceStreamName").asText()).matches()) {
            return "sourceStreamName must be 1-64 letters, digits, _ or -";
        }
        // an application, or application/instance
        if (!body.path("application").asText().matches("[A-Za-z0-9_.-]{1,64}(/[A-Za-z0-9_.-]{1,64})?")) {
            return "application must be a name or name/instance of letters, digits, _ . or -";
        }
        if (!body.path("streamName").asText().matches("[A-Za-z0-9_.-]{1,200}")) {
            return "streamName must be 1-200 letters, digits, _ . or -";
        }
        if (!body.path("host").asText().matches("[A-Za-z0-9.-]{1,253}")) {
            return "host must be a host name or an address";
        }
        JsonNode port = body.path("port");
        if (!port.isMissingNode() && !(port.asInt() >= 1 && port.asInt() <= 65535)) {
            return "port must be 1-65535";
        }
        return null;
    }

    private Reply incomingStream(String method, String appName, Application app, String[] rest) {
        String stream = rest[0];
        NginxRtmp.StreamCounters counters =
                app.running ? media.streams().getOrDefault(appName, Map.of()).get(stream) : null;
        boolean connected = counters != null && counters.publishing();
        if (rest.length == 1 && method.equals("GET")) {
            if (counters == null) {
                return new Reply(404, error("Incoming stream (" + stream + ") not found."));
            }
            ObjectNode s = JSON.createObjectNode();
            s.put("serverName", SERVER);
            s.put("name", stream);
            s.put("applicationInstance", INSTANCE);
            s.put("isConnected", connected);
            s.put("sourceIp", connected ? counters.sourceIp() : "");
            s.put("isRecordingSet", false);
            s.put("isStreamManagerStream", false);
            s.put("isPublishedToVOD", false);
            return new Reply(200, s);
        }
        String sub = String.join("/", java.util.Arrays.copyOfRange(rest, 1, rest.length));
        if (sub.equals("monitoring/current") && method.equals("GET")) {
            if (counters == null) {
                return new Reply(404, error("Incoming stream (" + stream + ") not found."));
            }
            return new Reply(200, streamMonitoring(counters));
        }
        if (sub.equals("actions/disconnectStream") && method.equals("PUT")) {
            if (!connected || !media.dropPublisher(appName, stream)) {
                return new Reply(404, error("Incoming stream (" + stream + ") is not connected."));
            }
            return new Reply(200, success("Incoming stream (" + stream + ") disconnected."));
        }
        return new Reply(404, error("No such resource under incoming stream " + stream + ": " + sub));
    }

    private ObjectNode applicationMonitoring(String name, Application app) {
        Map<String, NginxRtmp.StreamCounters> streams =
                app.running ? media.streams().getOrDefault(name, Map.of()) : Map.of();
        long bytesIn = 0;
        long bytesOut = media.hlsBytesOut(name);
        long rateIn = 0;
        long rateOut = 0;
        int rtmp = 0;
        for (NginxRtmp.StreamCounters s : streams.values()) {
            bytesIn += s.bytesIn();
            bytesOut += s.bytesOut();
            rateIn += s.bitsInPerSecond() / 8;
            rateOut += s.bitsOutPerSecond() / 8;
            rtmp += s.players();
        }
        int hls = app.running ? media.hlsViewers(name) : 0;
        ObjectNode m = JSON.createObjectNode();
        m.put("serverName", SERVER);
        m.put("uptime", app.running ? (System.currentTimeMillis() - app.startedAt) / 1000 : 0);
        m.put("bytesIn", bytesIn);
        m.put("bytesOut", bytesOut);
        m.put("bytesInRate", rateIn);
        m.put("bytesOutRate", rateOut);
        m.put("totalConnections", rtmp + hls);
        ObjectNode count = m.putObject("connectionCount");
        count.put("RTMP", rtmp);
        count.put("CUPERTINO", hls);
        count.put("MPEGDASH", 0);
        count.put("SMOOTH", 0);
        count.put("SANJOSE", 0);
        count.put("RTP", 0);
        count.put("WEBM", 0);
        return m;
    }

    private static ObjectNode streamMonitoring(NginxRtmp.StreamCounters s) {
        ObjectNode m = JSON.createObjectNode();
        m.put("serverName", SERVER);
        m.put("name", s.name());
        m.put("applicationInstance", INSTANCE);
        m.put("uptime", s.uptimeMillis() / 1000);
        m.put("bytesIn", s.bytesIn());
        m.put("bytesOut", s.bytesOut());
        m.put("bytesInRate", s.bitsInPerSecond() / 8);
        m.put("bytesOutRate", s.bitsOutPerSecond() / 8);
        m.put("totalConnections", s.players());
        m.putObject("connectionCount").put("RTMP", s.players());
        return m;
    }

    private void applyMedia() {
        List<MediaPlane.App> running = new ArrayList<>();
        apps.forEach((name, app) -> {
            if (app.running) {
                List<String> pushes = new ArrayList<>();
                if (hasPushPublish(app)) {
                    for (ObjectNode e : app.mapEntries.values()) {
                        String query = e.path("userName").asText().isEmpty()
                                ? ""
                                : "?user=" + e.get("userName").asText() + "&pass="
                                        + e.path("password").asText();
                        pushes.add("rtmp://" + e.get("host").asText() + ":"
                                + e.path("port").asInt(1935) + "/"
                                + e.get("application").asText() + "/"
                                + e.get("streamName").asText()
                                + query.replaceAll("[^A-Za-z0-9?=&._-]", ""));
                    }
                }
                running.add(new MediaPlane.App(name, pushes));
            }
        });
        media.apply(running);
    }

    // ---- nginx's callbacks: publish and play are allowed or refused here ----

    private void media(HttpExchange exchange, String call) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        Map<String, String> params = HttpQuery.parse(exchange.getRequestURI().getRawQuery());
        if (NginxRtmp.LOCAL_RELAY.equals(params.get("flashver"))) {
            // nginx's own push of a map entry plays the stream locally: Wowza counts no viewer for it
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        String appName = params.getOrDefault("app", "");
        boolean allowed;
        synchronized (this) {
            Application app = apps.get(appName);
            allowed = app != null
                    && app.running
                    && switch (call) {
                        case "publish" -> mayPublish(app, params);
                        case "play" -> mayPlay(appName);
                        default -> false;
                    };
        }
        exchange.sendResponseHeaders(allowed ? 200 : 403, -1);
    }

    private boolean mayPublish(Application app, Map<String, String> params) {
        if (!app.config.path("securityConfig").path("publishRequirePassword").asBoolean(true)) {
            return true;
        }
        String password = publishers.get(params.getOrDefault("user", ""));
        return password != null && password.equals(params.get("pass"));
    }

    /** Whether one more viewer may play: RTMP players and HLS sessions together under the maximum (0: no limit). */
    private synchronized boolean mayPlay(String appName) {
        Application app = apps.get(appName);
        if (app == null || !app.running) {
            return false;
        }
        int max =
                app.config.path("securityConfig").path("playMaximumConnections").asInt(0);
        if (max == 0) {
            return true;
        }
        int rtmp = media.streams().getOrDefault(appName, Map.of()).values().stream()
                .mapToInt(NginxRtmp.StreamCounters::players)
                .sum();
        return rtmp + media.hlsViewers(appName) < max;
    }

    @Override
    public void close() {
        rest.stop(0);
        workers.shutdownNow();
        media.close();
    }
}
