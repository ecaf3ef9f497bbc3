/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.test.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.castpanel.engine.api.EngineCallback;
import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.RetryableEngineException;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.SourceEndpoint;
import org.castpanel.engine.api.Stages;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.EngineServer;
import org.castpanel.engine.api.platform.EngineServers;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;

/** One test service: idempotent operations over a real placeholder daemon. */
final class TestEngineHandler implements EngineHandler {

    static final String DAEMON = "test-daemon";

    private final ServiceContext context;
    private final EngineCallback callback;
    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;
    private final EngineServers servers;

    TestEngineHandler(
            ServiceContext context,
            EngineCallback callback,
            ProcessSupervisor supervisor,
            PortAllocator ports,
            EngineServers servers) {
        this.servers = servers;
        this.context = context;
        this.callback = callback;
        this.supervisor = supervisor;
        this.ports = ports;
    }

    private Path dir() {
        return context.serviceDirectory();
    }

    @Override
    public CompletionStage<Void> provision() {
        return Stages.run(() -> {
            int port = ports.port(context.serviceId(), "stream");
            String title = context.settings().text("title", context.name());
            SourceEndpoint feeds = context.source();
            ConfigFiles.writeAtomically(
                    dir().resolve("service.conf"),
                    "name = " + ConfigFiles.quoted(context.name()) + "\ntitle = " + ConfigFiles.quoted(title)
                            + "\nport = " + port + "\nmaxListeners = "
                            + context.limits().maxListeners() + "\n"
                            + (feeds == null
                                    ? ""
                                    : "feeds = "
                                            + ConfigFiles.quoted(feeds.protocol() + "://"
                                                    + feeds.username() + ":" + feeds.password() + "@" + feeds.host()
                                                    + ":"
                                                    + feeds.port() + feeds.mount())
                                            + "\n"),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        });
    }

    @Override
    public CompletionStage<Void> start() {
        String behaviour = context.settings().text("behaviour", "normal");
        switch (behaviour) {
            case "fail" -> {
                return CompletableFuture.failedFuture(new IllegalStateException("the test engine was told to fail"));
            }
            case "hang" -> {
                return new CompletableFuture<>(); // never completes: the queue's timeout must end it
            }
            case "retry-once" -> {
                if (!Files.exists(dir().resolve("retried"))) {
                    return Stages.run(() -> Files.createFile(dir().resolve("retried")))
                            .thenCompose(v -> CompletableFuture.failedFuture(
                                    new RetryableEngineException("the test engine wants one more try")));
                }
            }
            case "slow" -> {
                long delay = context.settings().integer("delayMillis", 0);
                return CompletableFuture.runAsync(
                                () -> {},
                                CompletableFuture.delayedExecutor(delay, java.util.concurrent.TimeUnit.MILLISECONDS))
                        .thenCompose(v -> startDaemon());
            }
            default -> {}
        }
        return startDaemon();
    }

    private CompletionStage<Void> startDaemon() {
        return Stages.run(() -> {
            long pid = supervisor
                    .running(dir(), DAEMON)
                    .orElseGet(() -> supervisor.start(new ProcessSupervisor.Launch(
                            DAEMON,
                            List.of("sleep", "2147483647"),
                            dir(),
                            Map.of("CASTPANEL_SERVICE", Long.toString(context.serviceId())))));
            record("start " + pid); // once per pid: starting a running daemon adds nothing
        });
    }

    @Override
    public CompletionStage<Void> stop() {
        return Stages.run(() -> {
            java.util.Optional<Long> pid = supervisor.running(dir(), DAEMON);
            if (pid.isPresent()) {
                record("stop " + pid.get()); // before the effect, once per pid: a re-run after a crash adds nothing
                supervisor.stop(dir(), DAEMON, Duration.ofSeconds(10));
            }
        });
    }

    @Override
    public CompletionStage<Void> reload() {
        return Stages.run(() -> {
                    java.util.Optional<Long> pid = supervisor.running(dir(), DAEMON);
                    if (pid.isPresent()) {
                        record("reload " + pid.get());
                    }
                })
                .thenCompose(v -> startDaemon());
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return stop().thenCompose(v -> Stages.run(() -> ports.release(context.serviceId())));
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return CompletableFuture.completedFuture(supervisor
                .running(dir(), DAEMON)
                .map(pid -> ServiceStatus.running("test daemon pid " + pid))
                .orElseGet(() -> ServiceStatus.stopped("test daemon not running")));
    }

    /** Sources feed the test server at its stream port, with a password made for this service. */
    @Override
    public CompletionStage<SourceEndpoint> sourceEndpoint(String protocol) {
        return Stages.supply(() -> new SourceEndpoint(
                protocol,
                "127.0.0.1",
                ports.port(context.serviceId(), "stream"),
                "/stream",
                "source",
                java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(ConfigFiles.secret(dir().resolve("source-password"), 18))));
    }

    /** A source shows where it feeds (without the password); a server its port. */
    @Override
    public CompletionStage<Map<String, String>> connectionDetails() {
        SourceEndpoint feeds = context.source();
        java.util.Optional<EngineServer> placed = servers.placement(context.serviceId());
        if (placed.isPresent()) {
            // a remote engine shows the server it was placed on, by the host customers use
            return CompletableFuture.completedFuture(Map.of(
                    "server",
                    placed.get().publicHost(),
                    "serverName",
                    placed.get().name()));
        }
        return CompletableFuture.completedFuture(
                feeds == null
                        ? Map.of("port", String.valueOf(ports.port(context.serviceId(), "stream")))
                        : Map.of(
                                "feeds",
                                feeds.protocol() + "://" + feeds.host() + ":" + feeds.port() + feeds.mount(),
                                "sourceUser",
                                String.valueOf(feeds.username())));
    }

    /** A sample with the daemon's state; the test engine has no listeners to count. */
    @Override
    public CompletionStage<org.castpanel.engine.api.ServiceStats> statistics() {
        boolean running = supervisor.running(dir(), DAEMON).isPresent();
        return CompletableFuture.completedFuture(new org.castpanel.engine.api.ServiceStats(
                java.time.Instant.now(), 0, 0, 0, running, running ? context.name() : null));
    }

    /**
     * Appends one applied state change to operations.log (the tests' proof of exactly-once),
     * unless it is already the last line: operations name the pid they act on, so a re-run of the
     * same operation after a crash is recognised.
     */
    private void record(String operation) throws IOException {
        Path log = dir().resolve("operations.log");
        if (Files.exists(log)) {
            List<String> lines = Files.readAllLines(log);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).equals(operation)) {
                return;
            }
        }
        Files.writeString(
                dir().resolve("operations.log"),
                operation + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
