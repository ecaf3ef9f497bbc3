/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs local daemons for engines. A process is started detached from the panel, so it outlives
 * a panel restart or a plugin upgrade; its pid goes to a pid file in the given directory and its
 * output to a log file there. After a restart the panel adopts it again by that pid file (the
 * pid must still belong to the process started then, judged by its start time). Blocking only for
 * {@link #stop}'s grace period.
 */
@ProviderType
public interface ProcessSupervisor {

    /**
     * What to run: the command, its working directory (pid and log files go there too), extra
     * environment, and the unprivileged user to run it as. {@code user} applies when the panel
     * runs as root (the process then starts with that user's ids and groups and no way to gain
     * privileges); null runs it as the panel's own user, for daemons that drop privileges
     * themselves (icecast's changeowner, nginx's workers).
     */
    record Launch(String name, List<String> command, Path directory, Map<String, String> environment, String user) {
        public Launch {
            command = List.copyOf(command);
            environment = environment == null ? Map.of() : Map.copyOf(environment);
            if (user != null && !user.matches("[a-z_][a-z0-9_-]{0,31}")) {
                throw new IllegalArgumentException("not a user name: " + user);
            }
        }

        /** Runs as the panel's own user. */
        public Launch(String name, List<String> command, Path directory, Map<String, String> environment) {
            this(name, command, directory, environment, null);
        }
    }

    /** What {@link #launch} did: the process's pid, and whether it was running already (adopted) rather than started now. */
    record Started(long pid, boolean adopted) {}

    /** Starts the process unless one started from the same launch already runs; returns its pid. */
    long start(Launch launch);

    /**
     * The same as {@link #start}, saying whether the process was started now or found running
     * (after a panel restart, or started by an earlier call): a plugin that must configure a
     * fresh daemon, or tell the service's history, can tell the two apart.
     */
    Started launch(Launch launch);

    /** The pid of the running process of that name in that directory, if any (adopting it after a panel restart). */
    Optional<Long> running(Path directory, String name);

    /** SIGTERM, then SIGKILL after {@code grace}; true if a process was stopped. */
    boolean stop(Path directory, String name, Duration grace);

    /** Sends SIGHUP (config reload for most daemons); false if it does not run. */
    boolean hangup(Path directory, String name);

    /** The log file the process writes to. */
    Path logFile(Path directory, String name);

    /**
     * The last {@code lines} lines of the daemon's log ({@link #logFile}), joined with " | ", for
     * error messages a customer can act on; "(no log)" when there is none.
     */
    default String logTail(Path directory, String name, int lines) {
        try {
            java.util.List<String> all = java.nio.file.Files.readAllLines(logFile(directory, name));
            return all.isEmpty()
                    ? "(empty log)"
                    : String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }

    /**
     * Waits until the daemon is alive and {@code ready} says so by the daemon's own signal: an
     * authenticated request only this daemon can answer (its per-service admin password), a line in
     * its log. Not merely "something answers on its port": another process on that port would pass.
     * Throws {@link IllegalStateException} with the log's last lines when the daemon exits (a bad
     * config), {@link org.castpanel.engine.api.RetryableEngineException} when it is not ready in
     * time. Blocking and polling every 10 ms: call it on your own executor.
     */
    default void awaitReady(
            Path directory, String name, java.time.Duration timeout, java.util.function.BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (running(directory, name).isEmpty()) {
                throw new IllegalStateException(name + " exited at start: " + logTail(directory, name, 3));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new org.castpanel.engine.api.RetryableEngineException(
                        name + " was not ready within " + timeout.toSeconds() + " s: " + logTail(directory, name, 3));
            }
            try {
                Thread.sleep(10); // the poll interval of the readiness condition, bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    /**
     * Tells {@code listener} the directory of each daemon this supervisor started, adopted or found
     * running that exits without being stopped through it (killed, crashed), as soon as it is
     * gone, so the panel can start it again without waiting for its next round. Closing the
     * returned handle unsubscribes. Listeners must not block.
     */
    default AutoCloseable onUnexpectedExit(java.util.function.Consumer<Path> listener) {
        return () -> {};
    }
}
