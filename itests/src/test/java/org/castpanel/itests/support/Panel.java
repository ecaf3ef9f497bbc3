/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real CastPanel distribution, copied from the built assembly into a directory of its own, on
 * free ports, started as its own JVM ({@code bin/karaf server}). It can be stopped cleanly,
 * killed with SIGKILL and started again on the same data; {@link #close} stops it and removes
 * every file it made.
 */
public final class Panel implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "it-admin-secret";

    private final Path home;
    private final Path storage;
    private final Database database;
    private final int httpPort;
    private final int sshPort;
    private final int sftpPort;
    private final int rtmpPort;
    private final int hlsPort;
    private final int httpsPort;
    private final int wowzaRtmpPort;
    private final int wowzaHlsPort;
    private final int flussonicHttpPort;
    private final int flussonicRtmpPort;
    private final Api api;
    private Process process;

    private Panel(Path home, Path storage, Database database) {
        this.home = home;
        this.storage = storage;
        this.database = database;
        int[] ports = freePorts(6);
        // the remote engines' streaming ports are used only later, when a test starts its simulator:
        // an ephemeral port could by then be the local end of some connection, so these come from
        // a range that is neither ephemeral nor the panel's own port range (20000-29999)
        int[] streaming = quietPorts(4);
        this.httpPort = ports[0];
        this.sshPort = ports[1];
        this.rtmpPort = ports[2];
        this.hlsPort = ports[3];
        this.httpsPort = ports[4];
        this.sftpPort = ports[5];
        this.wowzaRtmpPort = streaming[0];
        this.wowzaHlsPort = streaming[1];
        this.flussonicHttpPort = streaming[2];
        this.flussonicRtmpPort = streaming[3];
        this.api = new Api("http://127.0.0.1:" + httpPort + "/api/v1");
    }

    /** Copies the distribution and starts it; returns once the API answers. */
    public static Panel start(Database database) {
        Path assembly = Path.of(System.getProperty("castpanel.assembly"));
        try {
            Path root = Path.of(System.getProperty("castpanel.itest.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(root);
            Path home = Files.createTempDirectory(root, "panel-");
            copyTree(assembly, home);
            // quick queue timings, so tests of timeouts and the reconciler finish in seconds
            Files.writeString(
                    home.resolve("etc/org.castpanel.provisioning.cfg"),
                    "actionTimeoutSeconds = 5\nreconcileSeconds = 2\nmaxAttempts = 3\nstatsSeconds = 1\n"
                            + "restartPauseSeconds = 1\ngiveUpAfterRestarts = 3\n");
            if (database.datasourceConfig() != null) {
                Files.writeString(home.resolve("etc/org.ops4j.datasource-castpanel.cfg"), database.datasourceConfig());
            }
            // engines that drop to their own user (icecast2) must traverse every parent of their
            // directories; the build folder may be private, so services live in a folder of their own
            Path storage = Files.createTempDirectory(
                    "castpanel-it-storage-",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
            // 127.0.0.2 is where tests run the restreaming targets they start: allowed as an administrator
            // would allow an internal host; every other internal address stays refused
            // (the shipped file with these two settings replaced: its callbackBaseUrl and the rest stay)
            Path platformCfg = home.resolve("etc/org.castpanel.platform.cfg");
            StringBuilder cfg = new StringBuilder();
            for (String line : Files.readAllLines(platformCfg)) {
                if (!line.startsWith("storageRoot") && !line.startsWith("allowedTargetHosts")) {
                    cfg.append(line).append('\n');
                }
            }
            cfg.append("storageRoot = ")
                    .append(storage)
                    .append("\nallowedTargetHosts = ")
                    .append(SINK_HOST)
                    .append('\n');
            Files.writeString(platformCfg, cfg);
            // sc_serv is proprietary: the DNAS simulator stands in for it (the shipped user, nobody, stays)
            Files.writeString(
                    home.resolve("etc/org.castpanel.engine.shoutcast.cfg"),
                    "binary = " + dnasSimulator() + "\nuser = nobody\n");
            Panel panel = new Panel(home, storage, database);
            // Wowza is proprietary: WowzaIT runs the simulator on these streaming ports; the names the
            // plugin creates carry the database's label, as the H2 and MariaDB panels may share a simulator
            Files.writeString(
                    home.resolve("etc/org.castpanel.engine.wowza.cfg"),
                    "rtmpPort = " + panel.wowzaRtmpPort + "\nhlsPort = " + panel.wowzaHlsPort
                            + "\nrequestTimeoutMillis = 2000\napplicationPrefix = castpanel-"
                            + (database.label().startsWith("H2") ? "h2" : "mariadb") + "-\n");
            // Flussonic likewise (FlussonicIT's simulator serves its API and HLS on one HTTP port)
            Files.writeString(
                    home.resolve("etc/org.castpanel.engine.flussonic.cfg"),
                    "rtmpPort = " + panel.flussonicRtmpPort + "\nhttpPort = " + panel.flussonicHttpPort
                            + "\nrequestTimeoutMillis = 2000\nauthDurationSeconds = 5\nstreamPrefix = castpanel-"
                            + (database.label().startsWith("H2") ? "h2" : "mariadb") + "-\n");
            panel.launch();
            return panel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dnasSimulator;

    /**
     * The DNAS simulator's sc_serv launcher, installed once per test run in a folder of its own
     * that sc_serv's unprivileged user can read, and removed when the run ends.
     */
    public static synchronized Path dnasSimulator() throws IOException {
        if (dnasSimulator == null) {
            Path folder = Files.createTempDirectory(Path.of("/tmp"), "castpanel-it-dnas-");
            dnasSimulator = org.castpanel.simulator.dnas.DnasSimulator.install(folder);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
        }
        return dnasSimulator;
    }

    /** A loopback address the panel lets customers restream to (allowedTargetHosts); test sinks listen there. */
    public static final String SINK_HOST = "127.0.0.2";

    public Api api() {
        return api;
    }

    public Api.As admin() {
        return api.login("admin", ADMIN_PASSWORD);
    }

    public Path home() {
        return home;
    }

    /** Where this panel keeps services/ and content/. */
    public Path storage() {
        return storage;
    }

    /** An account's media library on disk. */
    public Path library(long accountId) {
        return storage.resolve("content").resolve("user_" + accountId);
    }

    /** The node's nginx-rtmp ports (RTMP, and HTTP for HLS). */
    public int rtmpPort() {
        return rtmpPort;
    }

    /** The panel's HTTPS port (its self-signed certificate is in etc/tls/). */
    public int httpsPort() {
        return httpsPort;
    }

    public int hlsPort() {
        return hlsPort;
    }

    /** Where the Wowza plugin of this panel expects its servers' RTMP and HLS (WowzaIT's simulator). */
    public int wowzaRtmpPort() {
        return wowzaRtmpPort;
    }

    public int wowzaHlsPort() {
        return wowzaHlsPort;
    }

    /** Where the Flussonic plugin of this panel expects its servers' HTTP (API and HLS) and RTMP. */
    public int flussonicHttpPort() {
        return flussonicHttpPort;
    }

    public int flussonicRtmpPort() {
        return flussonicRtmpPort;
    }

    public int sshPort() {
        return sshPort;
    }

    /** The media library's SFTP port. */
    public int sftpPort() {
        return sftpPort;
    }

    public String databaseLabel() {
        return database.label();
    }

    private void launch() throws IOException {
        Path bin = home.resolve("bin");
        try (Stream<Path> files = Files.list(bin)) {
            files.forEach(f -> f.toFile().setExecutable(true));
        }
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile());
        builder.environment().put("CASTPANEL_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("CASTPANEL_SSH_PORT", Integer.toString(sshPort));
        builder.environment().put("CASTPANEL_SFTP_PORT", Integer.toString(sftpPort));
        builder.environment().put("CASTPANEL_RTMP_PORT", Integer.toString(rtmpPort));
        builder.environment().put("CASTPANEL_HLS_PORT", Integer.toString(hlsPort));
        builder.environment().put("CASTPANEL_HTTPS_PORT", Integer.toString(httpsPort));
        builder.environment().put("CASTPANEL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // the script execs the JVM, so this process is the panel itself and SIGKILL reaches it
        builder.environment().put("KARAF_EXEC", "exec");
        process = builder.start();
        Await.until(
                "CastPanel on port " + httpPort + " (" + database.label() + ", log in " + home + "/data/log)",
                Duration.ofSeconds(120),
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("CastPanel exited with " + process.exitValue() + "; see " + home);
                    }
                    return healthy();
                });
        // Ready means the API stays routed: once (a boot in a clean clone) the JAX-RS application was
        // redeployed right after its first answers, and the first requests found no route. 20 answers
        // in a row, 100 ms apart, from both the health and the document resource.
        // Each probe has 2 s: a request that hangs (a connection to the killed panel kept by the
        // client, a context being replaced) is counted as a miss instead of using up the wait.
        int[] inARow = {0};
        String[] last = {""};
        Await.until(
                "the API of " + home + " to stay up",
                Duration.ofSeconds(60),
                () -> {
                    String health = api.probe("/health", PROBE_TIMEOUT);
                    String document = api.probe("/openapi.json", PROBE_TIMEOUT);
                    boolean up = health.equals("200") && document.equals("200");
                    if (!up) {
                        last[0] = "/health: " + health + ", /openapi.json: " + document;
                    }
                    inARow[0] = up ? inARow[0] + 1 : 0;
                    return inARow[0] >= 20;
                },
                () -> "(last miss: " + last[0] + "; " + inARow[0] + " answers in a row; the log's last warnings: "
                        + lastWarnings() + ")");
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The last WARN and ERROR lines of the panel's log, for a failure message. */
    private String lastWarnings() {
        Path log = home.resolve("data/log/karaf.log");
        try (Stream<String> lines = Files.lines(log)) {
            List<String> warnings = lines.filter(l -> l.contains("| WARN ") || l.contains("| ERROR"))
                    .toList();
            return String.join(" // ", warnings.subList(Math.max(0, warnings.size() - 5), warnings.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The panel's JVM (the start script execs it, so the started process is the JVM itself). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public boolean healthy() {
        return answers("/health");
    }

    private boolean answers(String path) {
        try {
            return api.call("GET", path, null, null).status() == 200;
        } catch (AssertionError e) {
            return false;
        }
    }

    /** Graceful stop, as an operator's {@code bin/stop} does, then start again on the same data. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, nothing flushed. Then start again on the same data. */
    public void killAndRestart() {
        process.destroyForcibly();
        Await.until("the killed panel to exit", Duration.ofSeconds(30), () -> !process.isAlive());
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: Karaf's shutdown hook stops the framework cleanly
        Await.until("CastPanel to stop", Duration.ofSeconds(60), () -> !process.isAlive());
    }

    @Override
    public void close() {
        try {
            if (process != null && process.isAlive()) {
                stop();
            }
        } catch (AssertionError e) {
            process.destroyForcibly();
        } finally {
            killDaemonsStartedHere();
            database.close();
            keepLog();
            if (!Boolean.getBoolean("castpanel.itest.keep")) {
                deleteTree(home);
                deleteTree(storage);
            }
        }
    }

    /** The panel's log outlives the panel, in target/it-logs/, for whoever reads a failure later. */
    private void keepLog() {
        Path log = home.resolve("data/log/karaf.log");
        String dir = System.getProperty("castpanel.itest.dir");
        if (dir == null || !Files.exists(log)) {
            return;
        }
        try {
            Path logs = Files.createDirectories(Path.of(dir).resolveSibling("it-logs"));
            Files.copy(
                    log,
                    logs.resolve(database.label() + "-" + home.getFileName() + ".log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the log is a help, not a result
        }
    }

    /** Engine daemons this panel started run in its directory; the tests' cleanup stops them. */
    private void killDaemonsStartedHere() {
        ProcessHandle.allProcesses().forEach(p -> {
            try {
                Path cwd = Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/cwd"));
                if (cwd.startsWith(home) || cwd.startsWith(storage)) {
                    p.destroyForcibly();
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // not ours, or gone already
            }
        });
    }

    /** Installs a plugin jar the way an operator drops one into deploy/. */
    public void deploy(Path jar) {
        try {
            Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void undeploy(Path jar) {
        try {
            Files.deleteIfExists(home.resolve("deploy").resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Karaf log, for assertion messages. */
    public Optional<String> log() {
        try {
            return Optional.of(Files.readString(home.resolve("data/log/karaf.log")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int freePort() {
        return freePorts(1)[0];
    }

    /** Different free ports: every socket stays open until all are chosen, so none is handed out twice. */
    private static final java.util.Set<Integer> QUIET_HANDED_OUT = new java.util.HashSet<>();

    /** Ports in 30000-32767 that nothing listens on now and no other panel of this run was given. */
    private static synchronized int[] quietPorts(int count) {
        int[] ports = new int[count];
        int found = 0;
        int start = 30_000 + new java.util.Random().nextInt(2_768);
        for (int i = 0; i < 2_768 && found < count; i++) {
            int port = 30_000 + (start - 30_000 + i) % 2_768;
            if (QUIET_HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port)) {
                ports[found++] = port;
                QUIET_HANDED_OUT.add(port);
            } catch (IOException e) {
                // taken: the next one
            }
        }
        if (found < count) {
            throw new IllegalStateException("no " + count + " free ports in 30000-32767");
        }
        return ports;
    }

    public static int[] freePorts(int count) {
        java.util.List<ServerSocket> sockets = new java.util.ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a probe socket cannot matter
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(
                        file,
                        to.resolve(from.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
