/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.dnas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the DNAS 2.6 documentation (../shared/ENGINES.md), one test per documented
 * behaviour the Shoutcast plugin relies on, so a plugin bug cannot hide behind a simulator bug.
 */
class DnasSimulatorTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    DnasSimulatorTest() throws IOException {
        dir = Files.createTempDirectory("dnas-test");
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }

    // ---- helpers ----

    /** Two consecutive free ports. */
    private static int freeBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            try (ServerSocket s = new ServerSocket(base + 1)) {
                return base;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }

    private DnasServer start(String config) throws IOException {
        Path file = dir.resolve("sc_serv.conf");
        Files.writeString(file, config);
        DnasServer server = DnasServer.start(file);
        open.add(server);
        return server;
    }

    private String base(int port) {
        return "portbase=" + port + "\nlogfile=" + dir.resolve("sc_serv.log") + "\n";
    }

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() throws IOException {
        Path file = dir.resolve("sc_serv.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20); // polling a condition, not standing in for one
        }
    }

    /** Waits until {@code path} on the simulator answers a body containing {@code text}. */
    private void awaitBody(String what, int port, String path, String text) throws InterruptedException {
        await(what, () -> {
            try {
                return get(port, path).body().contains(text);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** A v1 source: the password line, the server's answer, icy headers, then bytes on demand. */
    private final class V1Source implements AutoCloseable {
        final Socket socket;
        final String answer;

        V1Source(int legacyPort, String passwordLine, String... icyHeaders) throws IOException {
            socket = new Socket("127.0.0.1", legacyPort);
            socket.setSoTimeout(5000);
            open.add(this);
            OutputStream out = socket.getOutputStream();
            out.write((passwordLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = readAnswer(socket.getInputStream());
            if (answer.startsWith("OK2")) {
                StringBuilder head = new StringBuilder();
                for (String h : icyHeaders) {
                    head.append(h).append("\r\n");
                }
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** What the server says to a password line: up to and including its blank line, or one line. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            answer.write(b);
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n") || text.equals("invalid password\r\n")) {
                break;
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    /** A listener: its request, the status line and headers, then the bytes it reads. */
    private final class RawListener implements AutoCloseable {
        final Socket socket;
        final String head;

        RawListener(int port, String path, String... headers) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            open.add(this);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nUser-Agent: test-player\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            this.head = head.toString(StandardCharsets.ISO_8859_1);
        }

        byte[] read(int count) throws IOException {
            return socket.getInputStream().readNBytes(count);
        }

        boolean closedByServer() {
            try {
                return socket.getInputStream().read() < 0;
            } catch (IOException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] audio(int size, int seed) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + seed);
        }
        return bytes;
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- the config file ----

    @Test
    void configKeysAreCaseInsensitiveCommentsAreSkippedAndUnknownKeysLogged() throws Exception {
        int port = freeBase();
        Files.writeString(dir.resolve("streams-1.conf"), "streamid_2=2\nstreampath_2=/two\n");
        DnasServer server = start("; a comment\n" + base(port) + "PassWord=src\nADMINPASSWORD=adm\n"
                + "StreamID=1\nstreampath=/one\nbogus_key=1\ninclude=streams-*.conf\n");
        assertEquals(port, server.port());
        assertEquals(port + 1, server.legacyPort(), "legacy sources on portbase+1");
        String stats = get(port, "/statistics?json=1").body();
        assertTrue(stats.contains("\"totalstreams\":2"), stats);
        assertTrue(stats.contains("\"streampath\":\"/one\""), "no suffix means stream 1: " + stats);
        assertTrue(stats.contains("\"streampath\":\"/two\""), "included file read: " + stats);
        assertTrue(log().contains("Invalid item") && log().contains("bogus_key"), log());
        assertFalse(log().contains("comment"), log());
    }

    @Test
    void streamPathsAndLimitsHaveTheirDocumentedDefaults() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nmaxuser=7\n"
                + "streamid_1=1\nstreamid_3=3\nstreammaxuser_3=0\nstreamid_4=4\nstreammaxuser_4=99\n"
                + "streamid_5=5\nstreammaxuser_5=2\n");
        String stats = get(port, "/statistics?json=1").body();
        assertTrue(stats.contains("{\"id\":1,") && stats.contains("\"streampath\":\"/\""), stats);
        assertTrue(stats.contains("\"streampath\":\"/stream/3/\""), stats);
        assertTrue(get(port, "/stats?sid=3&json=1").body().contains("\"maxlisteners\":7"), "0 means maxuser");
        assertTrue(get(port, "/stats?sid=4&json=1").body().contains("\"maxlisteners\":7"), "above maxuser: maxuser");
        assertTrue(get(port, "/stats?sid=5&json=1").body().contains("\"maxlisteners\":2"));
    }

    @Test
    void portLegacyMovesOrDisablesTheV1Port() throws Exception {
        int port = freeBase();
        DnasServer off = start(base(port) + "portlegacy=0\npassword=a\nadminpassword=b\n");
        assertEquals(0, off.legacyPort());
        int other = freeBase(); // while port is still held, so it cannot come back as the legacy port
        off.close();
        Files.writeString(
                dir.resolve("b.conf"), base(port) + "portlegacy=" + other + "\npassword=a\nadminpassword=b\n");
        DnasServer moved = DnasServer.start(dir.resolve("b.conf"));
        open.add(moved);
        assertEquals(other, moved.legacyPort());
    }

    @Test
    void passwordAndAdminPasswordMustDiffer() throws Exception {
        int port = freeBase();
        Files.writeString(dir.resolve("same.conf"), base(port) + "password=x\nadminpassword=x\n");
        try {
            open.add(DnasServer.start(dir.resolve("same.conf")));
            throw new AssertionError("started with equal passwords");
        } catch (IOException expected) {
            assertTrue(expected.getMessage().contains("must differ"));
        }
    }

    // ---- v1 sources ----

    @Test
    void aV1SourceWithTheRightPasswordGetsOk2AndTheWrongOneIsRefused() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\n");
        V1Source wrong = new V1Source(port + 1, "nope");
        assertEquals("invalid password\r\n", wrong.answer);
        V1Source right = new V1Source(port + 1, "src", "icy-name:Test FM", "icy-br:128");
        assertEquals("OK2\r\nicy-caps:11\r\n\r\n", right.answer);
        awaitBody("the stream to be up", port, "/stats?sid=1&json=1", "\"streamstatus\":1");
        assertTrue(get(port, "/stats?sid=1&json=1").body().contains("\"servertitle\":\"Test FM\""));
    }

    @Test
    void perStreamPasswordsAndTheSidSuffixChooseTheStream() throws Exception {
        int port = freeBase();
        start(base(port) + "password=global\nadminpassword=adm\nrequirestreamconfigs=1\n"
                + "streamid_1=1\nstreamid_2=2\nstreampassword_2=second\n");
        assertEquals("invalid password\r\n", new V1Source(port + 1, "global:#2").answer, "stream 2 has its own");
        assertTrue(new V1Source(port + 1, "second:#2").answer.startsWith("OK2"));
        assertTrue(new V1Source(port + 1, "dj:global:#1").answer.startsWith("OK2"), "a DJ name before the password");
        assertEquals("invalid password\r\n", new V1Source(port + 1, "second:#9").answer, "stream 9 is not configured");
        awaitBody("both streams up", port, "/statistics?json=1", "\"activestreams\":2");
    }

    @Test
    void aPasswordWithAColonIsRefused() throws Exception {
        int port = freeBase();
        start(base(port) + "password=a:b\nadminpassword=adm\n");
        assertEquals("invalid password\r\n", new V1Source(port + 1, "a:b").answer);
    }

    // ---- listeners ----

    @Test
    void listenersReceiveTheSourcesBytesOverHttp10() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/live\n");
        assertEquals(503, get(port, "/live").statusCode(), "no source yet");
        V1Source source = new V1Source(port + 1, "src", "content-type:audio/mpeg", "icy-name:Test");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        RawListener listener = new RawListener(port, "/live");
        assertTrue(listener.head.startsWith("HTTP/1.0 200 OK\r\n"), listener.head);
        assertTrue(listener.head.contains("content-type:audio/mpeg"), listener.head);
        assertFalse(listener.head.contains("icy-metaint"), "no metadata unless asked for");
        byte[] sent = audio(20_000, 7);
        source.send(sent);
        assertArrayEquals(sent, listener.read(sent.length));
        assertEquals(404, get(port, "/elsewhere").statusCode());
    }

    @Test
    void icyMetadataOneGetsTheTitleEveryMetaintBytes() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/live\nmetainterval=1000\n");
        V1Source source = new V1Source(port + 1, "src");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        assertEquals(
                200,
                get(port, "/admin.cgi?pass=src&mode=updinfo&song=Artist%20-%20Title")
                        .statusCode());
        RawListener listener = new RawListener(port, "/live", "Icy-MetaData: 1");
        assertTrue(listener.head.contains("icy-metaint:1000"), listener.head);
        source.send(audio(2_500, 1));
        byte[] first = listener.read(1000);
        assertArrayEquals(java.util.Arrays.copyOf(audio(2_500, 1), 1000), first);
        int blocks = listener.read(1)[0];
        String meta = new String(listener.read(blocks * 16), StandardCharsets.UTF_8).trim();
        assertTrue(meta.startsWith("StreamTitle='Artist - Title';"), meta);
        listener.read(1000);
        assertEquals(0, listener.read(1)[0], "an unchanged title is sent as an empty block");
        assertTrue(get(port, "/stats?json=1").body().contains("\"songtitle\":\"Artist - Title\""));
    }

    @Test
    void maxuserAndStreammaxuserAreEnforced() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nmaxuser=3\nstreamid_1=1\nstreampath_1=/a\n"
                + "streamid_2=2\nstreampath_2=/b\nstreammaxuser_2=1\nstreampassword_2=two\n");
        new V1Source(port + 1, "src");
        new V1Source(port + 1, "two:#2");
        awaitBody("both sources", port, "/statistics?json=1", "\"activestreams\":2");
        assertTrue(new RawListener(port, "/b").head.startsWith("HTTP/1.0 200"));
        assertTrue(new RawListener(port, "/b").head.startsWith("HTTP/1.0 503"), "stream 2 holds one");
        assertTrue(new RawListener(port, "/a").head.startsWith("HTTP/1.0 200"));
        assertTrue(new RawListener(port, "/a").head.startsWith("HTTP/1.0 200"));
        assertTrue(new RawListener(port, "/a").head.startsWith("HTTP/1.0 503"), "the server holds three");
    }

    // ---- statistics ----

    @Test
    void statisticsAndStatsReportTheDocumentedFieldsWithBitrateAsNumberAndString() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nmaxuser=50\nstreamid_1=1\nstreampath_1=/live\n");
        new V1Source(port + 1, "src", "icy-br:128", "icy-genre:Jazz", "icy-name:Test FM");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        new RawListener(port, "/live");
        new RawListener(port, "/live");
        String all = get(port, "/statistics?json=1").body();
        for (String field : List.of(
                "\"totalstreams\":1",
                "\"activestreams\":1",
                "\"currentlisteners\":2",
                "\"peaklisteners\":2",
                "\"maxlisteners\":50",
                "\"uniquelisteners\":1",
                "\"averagetime\":",
                "\"version\":",
                "\"bitrate\":128,")) {
            assertTrue(all.contains(field), field + " in " + all);
        }
        String one = get(port, "/stats?sid=1&json=1").body();
        for (String field : List.of(
                "\"currentlisteners\":2",
                "\"servertitle\":\"Test FM\"",
                "\"servergenre\":\"Jazz\"",
                "\"streamstatus\":1",
                "\"streamhits\":2",
                "\"streampath\":\"/live\"",
                "\"bitrate\":\"128\"",
                "\"streamuptime\":")) {
            assertTrue(one.contains(field), field + " in " + one);
        }
    }

    // ---- admin.cgi ----

    @Test
    void adminCgiNeedsTheAdminPasswordAsPassOrBasicAuth() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreamid_2=2\nstreamadminpassword_2=sa\n");
        assertEquals(401, get(port, "/admin.cgi?mode=viewjson&page=1").statusCode());
        assertEquals(401, get(port, "/admin.cgi?pass=src&mode=viewjson&page=1").statusCode(), "not the source one");
        assertEquals(200, get(port, "/admin.cgi?pass=adm&mode=viewjson&page=1").statusCode());
        assertEquals(
                200,
                get(port, "/admin.cgi?mode=viewjson&page=1", "Authorization", basic("adm"))
                        .statusCode());
        assertEquals(
                200, get(port, "/admin.cgi?sid=2&pass=sa&mode=viewjson&page=1").statusCode(), "stream admin");
        assertEquals(401, get(port, "/admin.cgi?pass=sa&mode=reload").statusCode(), "reload: master admin only");
        assertEquals(200, get(port, "/admin.cgi?pass=adm&mode=reload").statusCode());
    }

    @Test
    void kicksrcDisconnectsTheSourceAndKickdstTheListeners() throws Exception {
        int port = freeBase();
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/live\n");
        V1Source source = new V1Source(port + 1, "src");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        RawListener one = new RawListener(port, "/live");
        RawListener two = new RawListener(port, "/live");
        String listeners = get(port, "/admin.cgi?pass=adm&mode=viewjson&page=3").body();
        assertTrue(listeners.contains("\"hostname\":\"127.0.0.1\"")
                && listeners.contains("\"useragent\":\"test-player\""));
        String uid = listeners.replaceAll("(?s).*?\"uid\":(\\d+).*", "$1");
        assertEquals(
                200,
                get(port, "/admin.cgi?pass=adm&mode=kickdst&kickdst=" + uid).statusCode());
        awaitBody("one listener left", port, "/stats?json=1", "\"currentlisteners\":1");
        assertTrue(one.closedByServer() || two.closedByServer());
        assertEquals(200, get(port, "/admin.cgi?pass=adm&mode=kicksrc").statusCode());
        awaitBody("the source gone", port, "/stats?json=1", "\"streamstatus\":0");
        source.socket.setSoTimeout(2000);
        assertTrue(source.socket.getInputStream().read() < 0, "the kicked source's connection is closed");
    }

    // ---- reload ----

    @Test
    void reloadAppliesNewStreamsAndLimitsAndKeepsListenersOfUnchangedStreams() throws Exception {
        int port = freeBase();
        Path file = dir.resolve("sc_serv.conf");
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/live\n");
        V1Source source = new V1Source(port + 1, "src");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        RawListener listener = new RawListener(port, "/live");
        Files.writeString(
                file,
                base(port) + "password=src\nadminpassword=adm\nmaxuser=9\nstreamid_1=1\n"
                        + "streampath_1=/live\nstreamid_2=2\nstreampath_2=/extra\n");
        assertEquals(200, get(port, "/admin.cgi?pass=adm&mode=reload").statusCode());
        String stats = get(port, "/statistics?json=1").body();
        assertTrue(stats.contains("\"totalstreams\":2") && stats.contains("\"maxlisteners\":9"), stats);
        byte[] sent = audio(5_000, 3);
        source.send(sent);
        assertArrayEquals(sent, listener.read(sent.length), "the listener stayed connected");
    }

    @Test
    void aForcedReloadReaddsAChangedStreamAndKicksItsClients() throws Exception {
        int port = freeBase();
        Path file = dir.resolve("sc_serv.conf");
        start(base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/live\n");
        new V1Source(port + 1, "src");
        awaitBody("the source", port, "/stats?json=1", "\"streamstatus\":1");
        RawListener listener = new RawListener(port, "/live");
        Files.writeString(file, base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreampath_1=/moved\n");
        get(port, "/admin.cgi?pass=adm&mode=reload");
        assertTrue(get(port, "/stats?json=1").body().contains("\"streampath\":\"/live\""), "kept without force");
        get(port, "/admin.cgi?pass=adm&mode=reload&force=1");
        assertTrue(listener.closedByServer(), "force re-adds the changed stream, kicking its clients");
        assertTrue(get(port, "/stats?json=1").body().contains("\"streampath\":\"/moved\""));
    }

    // ---- the process: signals ----

    @Test
    void asAProcessSigusr1ReloadsAndSigtermStops() throws Exception {
        Path installed = Files.createTempDirectory(Path.of("/tmp"), "dnas-sim");
        Path launcher = DnasSimulator.install(installed);
        int port = freeBase();
        Path conf = installed.resolve("sc_serv.conf");
        Files.writeString(conf, base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\n");
        Process process = new ProcessBuilder(launcher.toString(), conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(installed.resolve("out.log").toFile())
                .start();
        open.add(() -> {
            process.destroyForcibly().waitFor();
            try (var files = Files.walk(installed)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        });
        await("the simulator to answer", () -> {
            try {
                return get(port, "/statistics?json=1").statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
        Files.writeString(conf, base(port) + "password=src\nadminpassword=adm\nstreamid_1=1\nstreamid_2=2\n");
        assertEquals(
                0,
                new ProcessBuilder("kill", "-USR1", Long.toString(process.pid()))
                        .start()
                        .waitFor());
        awaitBody("SIGUSR1 to reload", port, "/statistics?json=1", "\"totalstreams\":2");
        process.destroy(); // SIGTERM
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "SIGTERM stops it");
        assertTrue(log().contains("stopped"), log());
        try (Socket refused = new Socket()) {
            refused.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
            throw new AssertionError("still listening after SIGTERM");
        } catch (IOException expected) {
            // the port is closed
        }
    }
}
