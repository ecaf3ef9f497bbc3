/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.dnas;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running simulated DNAS: listeners and the HTTP interface on portbase, legacy (v1) sources on
 * portbase+1, one relay per stream id from its source to its listeners. A thread per connection:
 * a test server's load is a handful of clients.
 */
final class DnasServer implements Closeable {

    static final String VERSION = "2.6.1.777 (posix(linux x64)) castpanel-simulator";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_LINE = 8192;

    private final Path configFile;
    private volatile DnasConfig config;
    private final Map<Integer, StreamState> streams = new ConcurrentHashMap<>();
    private final AtomicLong uids = new AtomicLong();
    private final ServerSocket http;
    private final ServerSocket legacy;
    private volatile PrintStream log;
    private volatile boolean closed;

    private DnasServer(Path configFile, DnasConfig config) throws IOException {
        this.configFile = configFile;
        this.config = config;
        this.log = openLog(config);
        http = new ServerSocket();
        http.setReuseAddress(true);
        http.bind(new InetSocketAddress(config.portBase));
        if (config.portLegacy > 0) {
            legacy = new ServerSocket();
            legacy.setReuseAddress(true);
            legacy.bind(new InetSocketAddress(config.portLegacy));
        } else {
            legacy = null;
        }
    }

    /** Reads the config, binds the ports and starts serving. */
    static DnasServer start(Path configFile) throws IOException {
        List<String> warnings = new ArrayList<>();
        DnasConfig config = DnasConfig.read(configFile, warnings::add);
        DnasServer server = new DnasServer(configFile, config);
        warnings.forEach(w -> server.log("WARN", "CONFIG", w));
        if (!config.password.isEmpty() && config.password.equals(config.adminPassword)) {
            server.log("ERROR", "CONFIG", "password and adminpassword must differ");
            server.close();
            throw new IOException("password and adminpassword must differ");
        }
        server.log(
                "INFO",
                "MAIN",
                "DNAS/" + VERSION + " listening on " + config.portBase
                        + (config.portLegacy > 0 ? ", legacy sources on " + config.portLegacy : ""));
        server.thread("http-accept", () -> server.accept(server.http, server::serveHttp));
        if (server.legacy != null) {
            server.thread("legacy-accept", () -> server.accept(server.legacy, server::serveLegacySource));
        }
        return server;
    }

    int port() {
        return http.getLocalPort();
    }

    int legacyPort() {
        return legacy == null ? 0 : legacy.getLocalPort();
    }

    // ---- reload ----

    /**
     * Reads the config again: limits and passwords apply at once; a stream whose path changed is
     * re-added only when forced (kicking its clients); streams no longer configured are removed.
     * Listeners of unchanged streams stay connected.
     */
    synchronized void reload(boolean force) {
        List<String> warnings = new ArrayList<>();
        DnasConfig next;
        try {
            next = DnasConfig.read(configFile, warnings::add);
        } catch (IOException e) {
            log("ERROR", "CONFIG", "reload failed: " + e.getMessage());
            return;
        }
        warnings.forEach(w -> log("WARN", "CONFIG", w));
        DnasConfig previous = config;
        if (next.portBase != previous.portBase || next.portLegacy != previous.portLegacy) {
            log("WARN", "CONFIG", "port changes need a restart");
        }
        config = next;
        for (StreamState state : List.copyOf(streams.values())) {
            DnasConfig.Stream now = next.stream(state.sid);
            if (now == null) {
                log("INFO", "STREAM", "stream " + state.sid + " no longer configured: removed");
                state.kickAll();
                streams.remove(state.sid);
            } else if (!now.path().equals(state.config.path()) && force) {
                log("INFO", "STREAM", "stream " + state.sid + " changed: re-added");
                state.kickAll();
                streams.remove(state.sid);
            } else if (!now.path().equals(state.config.path())) {
                log("INFO", "STREAM", "stream " + state.sid + " changed: kept until a forced reload");
            } else {
                state.config = now;
            }
        }
        log("INFO", "MAIN", force ? "forced reload complete" : "reload complete");
    }

    // ---- connections ----

    private void accept(ServerSocket socket, SocketHandler handler) {
        while (!closed) {
            try {
                Socket client = socket.accept();
                thread("client", () -> {
                    try {
                        handler.handle(client);
                    } catch (IOException e) {
                        closeQuietly(client);
                    }
                });
            } catch (IOException e) {
                if (!closed) {
                    log("WARN", "NET", "accept failed: " + e.getMessage());
                }
            }
        }
    }

    private interface SocketHandler {
        void handle(Socket socket) throws IOException;
    }

    /** One HTTP request on portbase: statistics, admin.cgi, or a listener who stays. */
    private void serveHttp(Socket socket) throws IOException {
        socket.setSoTimeout(15_000);
        InputStream in = socket.getInputStream();
        String requestLine = readLine(in);
        if (requestLine == null) {
            socket.close();
            return;
        }
        Map<String, String> headers = readHeaders(in);
        String[] parts = requestLine.split(" ");
        if (parts.length < 2 || !"GET".equals(parts[0])) {
            respond(socket, 400, "text/plain", "only GET is served here");
            return;
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = parseQuery(q < 0 ? "" : target.substring(q + 1));
        switch (path) {
            case "/statistics" -> statistics(socket, query);
            case "/stats" -> streamStats(socket, query);
            case "/admin.cgi" -> admin(socket, query, headers);
            default -> listen(socket, path, headers);
        }
    }

    private void statistics(Socket socket, Map<String, String> query) throws IOException {
        if (!"1".equals(query.get("json"))) {
            respond(socket, 400, "text/plain", "this simulator answers /statistics with json=1 only");
            return;
        }
        DnasConfig c = config;
        List<Object> list = new ArrayList<>();
        int current = 0;
        int peak = 0;
        int active = 0;
        Set<String> unique = new HashSet<>();
        long connectedSeconds = 0;
        int connected = 0;
        for (DnasConfig.Stream stream : c.streams.values()) {
            StreamState state = state(stream.id());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("id", stream.id());
            fields.putAll(state.fields(true));
            list.add(fields);
            current += state.listeners.size();
            peak += state.peak;
            active += state.source != null ? 1 : 0;
            for (Listener l : state.listeners) {
                unique.add(l.address);
                connectedSeconds += l.seconds();
                connected++;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalstreams", c.streams.size());
        body.put("activestreams", active);
        body.put("currentlisteners", current);
        body.put("peaklisteners", peak);
        body.put("maxlisteners", c.maxUser);
        body.put("uniquelisteners", unique.size());
        body.put("averagetime", connected == 0 ? 0 : connectedSeconds / connected);
        body.put("version", VERSION);
        body.put("streams", list);
        respond(socket, 200, "application/json;charset=utf-8", Json.write(body));
    }

    private void streamStats(Socket socket, Map<String, String> query) throws IOException {
        DnasConfig.Stream stream = config.stream(sid(query));
        if (stream == null) {
            respond(socket, 404, "text/plain", "no such stream");
            return;
        }
        if (!"1".equals(query.get("json"))) {
            respond(socket, 400, "text/plain", "this simulator answers /stats with json=1 only");
            return;
        }
        respond(
                socket,
                200,
                "application/json;charset=utf-8",
                Json.write(state(stream.id()).fields(false)));
    }

    /** admin.cgi: the master admin password, or the stream's admin password, as pass= or basic auth. */
    private void admin(Socket socket, Map<String, String> query, Map<String, String> headers) throws IOException {
        DnasConfig c = config;
        int sid = sid(query);
        DnasConfig.Stream stream = c.stream(sid);
        String given = query.getOrDefault("pass", basicPassword(headers.get("authorization")));
        String mode = query.getOrDefault("mode", "");
        boolean master = given != null && !c.adminPassword.isEmpty() && given.equals(c.adminPassword);
        boolean streamAdmin = master
                || (given != null
                        && stream != null
                        && !stream.adminPassword().isEmpty()
                        && given.equals(stream.adminPassword()));
        boolean streamSource =
                given != null && stream != null && !stream.password().isEmpty() && given.equals(stream.password());
        boolean allowed = "reload".equals(mode) ? master : streamAdmin || ("updinfo".equals(mode) && streamSource);
        if (!allowed) {
            log("WARN", "ADMIN", "refused admin.cgi mode=" + mode + " from " + address(socket));
            respond(socket, 401, "text/plain", "Unauthorized", "WWW-Authenticate: Basic realm=\"Shoutcast Server\"");
            return;
        }
        if (stream == null && !"reload".equals(mode)) {
            respond(socket, 404, "text/plain", "no such stream");
            return;
        }
        switch (mode) {
            case "reload" -> {
                reload("1".equals(query.get("force")));
                respond(socket, 200, "text/plain", "reload complete");
            }
            case "kicksrc" -> {
                boolean kicked = state(sid).kickSource();
                log("INFO", "ADMIN", "stream " + sid + ": source " + (kicked ? "kicked" : "not connected"));
                respond(socket, 200, "text/plain", kicked ? "source kicked" : "no source connected");
            }
            case "kickdst" -> {
                int kicked = state(sid).kickListeners(query.getOrDefault("kickdst", ""));
                log("INFO", "ADMIN", "stream " + sid + ": " + kicked + " listener(s) kicked");
                respond(socket, 200, "text/plain", kicked + " listener(s) kicked");
            }
            case "updinfo" -> {
                state(sid).songTitle = query.getOrDefault("song", "");
                respond(socket, 200, "text/plain", "updated");
            }
            case "viewjson" -> {
                String page = query.getOrDefault("page", "1");
                switch (page) {
                    case "1" ->
                        respond(
                                socket,
                                200,
                                "application/json;charset=utf-8",
                                Json.write(state(sid).fields(false)));
                    case "3" ->
                        respond(
                                socket,
                                200,
                                "application/json;charset=utf-8",
                                Json.write(state(sid).listenerList()));
                    default -> respond(socket, 400, "text/plain", "this simulator serves viewjson pages 1 and 3");
                }
            }
            default -> respond(socket, 400, "text/plain", "unknown mode " + mode);
        }
    }

    /** A listener: the stream at that path, while it has a source and room; it then stays. */
    private void listen(Socket socket, String path, Map<String, String> headers) throws IOException {
        DnasConfig c = config;
        List<DnasConfig.Stream> candidates = new ArrayList<>(c.streams.values());
        if (!c.streams.containsKey(1) && c.stream(1) != null) {
            candidates.add(c.stream(1)); // stream 1 exists unconfigured unless requirestreamconfigs=1
        }
        DnasConfig.Stream stream = candidates.stream()
                .filter(s -> samePath(s.path(), path))
                .findFirst()
                .orElse(null);
        if (stream == null) {
            respond(socket, 404, "text/plain", "no stream at " + path);
            return;
        }
        StreamState state = state(stream.id());
        Source source = state.source;
        if (source == null) {
            respond(socket, 503, "text/plain", "stream " + stream.id() + " has no source");
            return;
        }
        synchronized (this) {
            int total =
                    streams.values().stream().mapToInt(s -> s.listeners.size()).sum();
            if (total >= c.maxUser || state.listeners.size() >= state.config.maxUser()) {
                log("INFO", "DST", "stream " + stream.id() + ": server full, refused " + address(socket));
                respond(socket, 503, "text/plain", "Server Full");
                return;
            }
            Listener listener = new Listener(
                    uids.incrementAndGet(),
                    socket,
                    address(socket),
                    headers.getOrDefault("user-agent", ""),
                    headers.getOrDefault("referer", ""),
                    headers.getOrDefault("x-forwarded-for", ""),
                    "1".equals(headers.get("icy-metadata")) ? c.metaInterval : 0,
                    state);
            StringBuilder head = new StringBuilder("HTTP/1.0 200 OK\r\n");
            head.append("content-type:")
                    .append(source.headers.getOrDefault("content-type", "audio/mpeg"))
                    .append("\r\n");
            for (String icy : List.of("icy-name", "icy-genre", "icy-url", "icy-br", "icy-pub")) {
                if (source.headers.containsKey(icy)) {
                    head.append(icy).append(':').append(source.headers.get(icy)).append("\r\n");
                }
            }
            if (listener.metaInterval > 0) {
                head.append("icy-metaint:").append(listener.metaInterval).append("\r\n");
            }
            head.append("\r\n");
            socket.setSoTimeout(0);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            state.add(listener);
            log("INFO", "DST", "stream " + stream.id() + ": listener " + listener.uid + " from " + listener.address);
        }
    }

    private static boolean samePath(String configured, String requested) {
        return strip(configured).equals(strip(requested));
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * A legacy (v1, ICY) source: {@code password}, {@code password:#sid} or {@code dj:password:#sid},
     * answered {@code OK2} and {@code icy-caps:11} or {@code invalid password}; then its icy
     * headers, a blank line, and audio for the stream's listeners.
     */
    private void serveLegacySource(Socket socket) throws IOException {
        socket.setSoTimeout(15_000);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String line = readLine(in);
        if (line == null) {
            socket.close();
            return;
        }
        int sid = 1;
        String password = line;
        int hash = line.lastIndexOf(":#");
        if (hash >= 0) {
            try {
                sid = Integer.parseInt(line.substring(hash + 2));
            } catch (NumberFormatException e) {
                sid = -1;
            }
            password = line.substring(0, hash);
        }
        int colon = password.indexOf(':');
        if (colon >= 0) {
            password = password.substring(colon + 1); // dj:password; a real password has no colon
        }
        DnasConfig.Stream stream = sid < 1 ? null : config.stream(sid);
        if (stream == null || password.contains(":") || !password.equals(stream.password())) {
            log("WARN", "SRC", "stream " + sid + ": invalid password from " + address(socket));
            out.write("invalid password\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
            return;
        }
        StreamState state = state(sid);
        Source source;
        synchronized (this) {
            if (state.source != null) {
                log("WARN", "SRC", "stream " + sid + ": a source is connected already; refused " + address(socket));
                socket.close();
                return;
            }
            out.write("OK2\r\nicy-caps:11\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            source = new Source(socket);
            state.source = source;
        }
        Map<String, String> headers = readHeaders(in);
        source.headers.putAll(headers);
        state.sourceSince = System.currentTimeMillis();
        log("INFO", "SRC", "stream " + sid + ": source connected from " + address(socket) + " " + headers);
        socket.setSoTimeout(30_000);
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                state.relay(java.util.Arrays.copyOf(buffer, n));
                source.bytes.addAndGet(n);
            }
        } catch (IOException e) {
            // the source went away (or was kicked)
        } finally {
            synchronized (this) {
                if (state.source == source) {
                    state.source = null;
                }
            }
            closeQuietly(socket);
            log("INFO", "SRC", "stream " + sid + ": source disconnected");
        }
    }

    private StreamState state(int sid) {
        return streams.computeIfAbsent(sid, id -> new StreamState(id, config.stream(id)));
    }

    // ---- streams ----

    private final class StreamState {
        final int sid;
        volatile DnasConfig.Stream config;
        volatile Source source;
        volatile long sourceSince;
        volatile String songTitle = "";
        final List<Listener> listeners = new CopyOnWriteArrayList<>();
        volatile int peak;
        final AtomicLong hits = new AtomicLong();

        StreamState(int sid, DnasConfig.Stream config) {
            this.sid = sid;
            this.config = config;
        }

        void add(Listener listener) {
            listeners.add(listener);
            hits.incrementAndGet();
            peak = Math.max(peak, listeners.size());
            thread("listener-" + listener.uid, listener::pump);
        }

        void relay(byte[] chunk) {
            for (Listener l : listeners) {
                if (!l.queue.offer(chunk)) {
                    log("INFO", "DST", "stream " + sid + ": listener " + l.uid + " too slow, dropped");
                    l.close();
                }
            }
        }

        boolean kickSource() {
            Source s = source;
            if (s == null) {
                return false;
            }
            closeQuietly(s.socket);
            return true;
        }

        int kickListeners(String which) {
            int kicked = 0;
            for (Listener l : listeners) {
                if ("all".equals(which) || which.equals(Long.toString(l.uid)) || which.equals(l.address)) {
                    l.close();
                    kicked++;
                }
            }
            return kicked;
        }

        void kickAll() {
            kickSource();
            kickListeners("all");
        }

        /** The per-stream fields of /stats and viewjson page 1 (bitrate a string) or /statistics (a number). */
        Map<String, Object> fields(boolean numericBitrate) {
            Source s = source;
            Set<String> unique = new HashSet<>();
            long seconds = 0;
            for (Listener l : listeners) {
                unique.add(l.address);
                seconds += l.seconds();
            }
            String bitrate = s == null ? "0" : s.headers.getOrDefault("icy-br", "0");
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("currentlisteners", listeners.size());
            f.put("peaklisteners", peak);
            f.put("maxlisteners", config == null ? 0 : config.maxUser());
            f.put("uniquelisteners", unique.size());
            f.put("averagetime", listeners.isEmpty() ? 0 : seconds / listeners.size());
            f.put("servergenre", s == null ? "" : s.headers.getOrDefault("icy-genre", ""));
            f.put("serverurl", s == null ? "" : s.headers.getOrDefault("icy-url", ""));
            f.put("servertitle", s == null ? "" : s.headers.getOrDefault("icy-name", ""));
            f.put("songtitle", songTitle);
            f.put("streamhits", hits.get());
            f.put("streamstatus", s == null ? 0 : 1);
            f.put("streamuptime", s == null ? 0 : (System.currentTimeMillis() - sourceSince) / 1000);
            f.put("streampath", config == null ? "" : config.path());
            f.put("bitrate", numericBitrate ? parseInt(bitrate) : bitrate);
            f.put("content", s == null ? "" : s.headers.getOrDefault("content-type", "audio/mpeg"));
            f.put("version", VERSION);
            return f;
        }

        List<Object> listenerList() {
            List<Object> list = new ArrayList<>();
            for (Listener l : listeners) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("hostname", l.address);
                f.put("useragent", l.userAgent);
                f.put("connecttime", l.seconds());
                f.put("uid", l.uid);
                f.put("type", "HTTP/1.0");
                f.put("referer", l.referer);
                f.put("xff", l.forwardedFor);
                f.put("grid", 0);
                f.put("triggers", 0);
                list.add(f);
            }
            return list;
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final class Source {
        final Socket socket;
        final Map<String, String> headers = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        Source(Socket socket) {
            this.socket = socket;
        }
    }

    /** A connected listener, fed by its own thread from a bounded queue so a slow one holds no one up. */
    private final class Listener {
        final long uid;
        final Socket socket;
        final String address;
        final String userAgent;
        final String referer;
        final String forwardedFor;
        final int metaInterval;
        final StreamState stream;
        final long connectedAt = System.currentTimeMillis();
        final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(512);
        private int sinceMeta;
        private String sentTitle = "";

        Listener(
                long uid,
                Socket socket,
                String address,
                String userAgent,
                String referer,
                String forwardedFor,
                int metaInterval,
                StreamState stream) {
            this.uid = uid;
            this.socket = socket;
            this.address = address;
            this.userAgent = userAgent;
            this.referer = referer;
            this.forwardedFor = forwardedFor;
            this.metaInterval = metaInterval;
            this.stream = stream;
        }

        long seconds() {
            return (System.currentTimeMillis() - connectedAt) / 1000;
        }

        void pump() {
            try {
                OutputStream out = socket.getOutputStream();
                while (!socket.isClosed()) {
                    byte[] chunk = queue.poll(1, TimeUnit.SECONDS);
                    if (chunk != null) {
                        write(out, chunk);
                        out.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // gone
            } finally {
                close();
            }
        }

        /** The audio, with a metadata block after every metaint bytes when the player asked for them. */
        private void write(OutputStream out, byte[] chunk) throws IOException {
            if (metaInterval <= 0) {
                out.write(chunk);
                return;
            }
            int offset = 0;
            while (offset < chunk.length) {
                int n = Math.min(chunk.length - offset, metaInterval - sinceMeta);
                out.write(chunk, offset, n);
                offset += n;
                sinceMeta += n;
                if (sinceMeta == metaInterval) {
                    out.write(metadata());
                    sinceMeta = 0;
                }
            }
        }

        private byte[] metadata() {
            String title = stream.songTitle;
            if (title.equals(sentTitle)) {
                return new byte[] {0};
            }
            sentTitle = title;
            byte[] text = ("StreamTitle='" + title.replace("'", "\\'") + "';").getBytes(StandardCharsets.UTF_8);
            int blocks = (text.length + 15) / 16;
            byte[] block = new byte[1 + blocks * 16];
            block[0] = (byte) blocks;
            System.arraycopy(text, 0, block, 1, text.length);
            return block;
        }

        void close() {
            if (stream.listeners.remove(this)) {
                log("INFO", "DST", "stream " + stream.sid + ": listener " + uid + " left");
            }
            closeQuietly(socket);
        }
    }

    // ---- plumbing ----

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Header lines up to the blank one, names in lower case. */
    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static int sid(Map<String, String> query) {
        return parseInt(query.getOrDefault("sid", "1"));
    }

    private static String basicPassword(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            return decoded.startsWith("admin:") ? decoded.substring(6) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void respond(Socket socket, int status, String type, String body, String... extraHeaders)
            throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.0 " + status + " " + reason + "\r\n");
        head.append("Content-Type: ").append(type).append("\r\n");
        head.append("Content-Length: ").append(bytes.length).append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
        }
    }

    private static String address(Socket socket) {
        InetAddress address = socket.getInetAddress();
        return address == null ? "" : address.getHostAddress();
    }

    private void thread(String name, Runnable work) {
        Thread thread = new Thread(work, "dnas-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static PrintStream openLog(DnasConfig config) throws IOException {
        if (config.logFile == null || config.logFile.isBlank()) {
            return System.out;
        }
        OutputStream file =
                Files.newOutputStream(Path.of(config.logFile), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new PrintStream(file, true, StandardCharsets.UTF_8);
    }

    /** SIGHUP: the log file is opened again (after a rotation). */
    void reopenLog() {
        try {
            PrintStream previous = log;
            log = openLog(config);
            if (previous != System.out) {
                previous.close();
            }
        } catch (IOException e) {
            System.err.println("cannot reopen the log: " + e.getMessage());
        }
    }

    void log(String level, String area, String message) {
        log.println(LOG_TIME.format(LocalDateTime.now()) + "\t" + level + "\t[" + area + "] " + message);
    }

    @Override
    public void close() {
        closed = true;
        for (StreamState state : streams.values()) {
            state.kickAll();
        }
        try {
            http.close();
        } catch (IOException e) {
            // closing anyway
        }
        if (legacy != null) {
            try {
                legacy.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        log("INFO", "MAIN", "stopped");
    }
}
