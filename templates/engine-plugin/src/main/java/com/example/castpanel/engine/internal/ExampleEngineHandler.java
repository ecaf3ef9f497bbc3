package com.example.castpanel.engine.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.castpanel.engine.api.EngineHandler;
import org.castpanel.engine.api.ServiceContext;
import org.castpanel.engine.api.ServiceStatus;
import org.castpanel.engine.api.Stages;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.PortAllocator;
import org.castpanel.engine.api.platform.ProcessSupervisor;

/**
 * STEP 2 of the guide: one handler per media service. Every operation is idempotent and reports
 * failure through the returned stage. Replace the daemon command and the config format with your
 * engine's.
 */
final class ExampleEngineHandler implements EngineHandler {

    private static final String DAEMON = "example-daemon";

    private final ServiceContext context;
    private final ProcessSupervisor supervisor;
    private final PortAllocator ports;

    ExampleEngineHandler(ServiceContext context, ProcessSupervisor supervisor, PortAllocator ports) {
        this.context = context;
        this.supervisor = supervisor;
        this.ports = ports;
    }

    // Stages.run turns quick blocking work into a stage; whatever it throws fails the stage instead

    @Override
    public CompletionStage<Void> provision() {
        return Stages.run(() -> {
            int port = ports.port(context.serviceId(), "listen");
            String greeting = context.settings().text("greeting", "hello");
            // every customer value goes through ConfigFiles' escaping: no config injection
            ConfigFiles.writeAtomically(context.serviceDirectory().resolve("example.conf"),
                    "port " + port + ";\ngreeting " + ConfigFiles.quoted(greeting) + ";\n", null);
        });
    }

    @Override
    public CompletionStage<Void> start() {
        // the supervisor starts it detached (it outlives panel restarts) unless it already runs
        return Stages.run(() -> supervisor.start(new ProcessSupervisor.Launch(DAEMON, List.of("sleep", "2147483647"),
                context.serviceDirectory(), Map.of())));
    }

    @Override
    public CompletionStage<Void> stop() {
        return Stages.run(() -> supervisor.stop(context.serviceDirectory(), DAEMON, Duration.ofSeconds(10)));
    }

    @Override
    public CompletionStage<Void> deprovision() {
        return stop().thenRun(() -> ports.release(context.serviceId()));
    }

    @Override
    public CompletionStage<ServiceStatus> probe() {
        return CompletableFuture.completedFuture(supervisor.running(context.serviceDirectory(), DAEMON)
                .map(pid -> ServiceStatus.running("pid " + pid))
                .orElseGet(() -> ServiceStatus.stopped("not running")));
    }
}
