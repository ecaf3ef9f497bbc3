/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemons run under {@code setsid}, in a session of their own, so neither a terminal's Ctrl-C nor
 * the panel's exit reaches them. The pid file holds the pid and the process's start time; a pid
 * that now belongs to a process started at another time (reused after a reboot) is not adopted.
 */
@Component(service = ProcessSupervisor.class)
public class ProcessSupervisorImpl implements ProcessSupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisorImpl.class);
    private static final String SETSID = "/usr/bin/setsid";
    private static final String SETPRIV = "/usr/bin/setpriv";
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private record Daemon(Path directory, String name) {}

    /** Daemons watched for their exit, by pid; those being stopped through {@link #stop} are not news. */
    private final Map<Daemon, Long> watched = new ConcurrentHashMap<>();

    private final Set<Daemon> stopping = ConcurrentHashMap.newKeySet();

    /** The daemons this supervisor started itself: their liveness and exit status are known exactly. */
    private final Map<Daemon, Process> children = new ConcurrentHashMap<>();

    private final List<Consumer<Path>> exitListeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable onUnexpectedExit(Consumer<Path> listener) {
        exitListeners.add(listener);
        return () -> exitListeners.remove(listener);
    }

    /** Watches a running daemon once: its exit, unless through {@link #stop}, is told to the listeners. */
    private void watch(Path directory, String name, ProcessHandle process) {
        Daemon daemon = new Daemon(directory, name);
        if (watched.put(daemon, process.pid()) != null) {
            return;
        }
        process.onExit().thenRun(() -> {
            watched.remove(daemon, process.pid());
            if (stopping.contains(daemon)) {
                return;
            }
            LOG.warn("{} (pid {}) in {} exited without being stopped", name, process.pid(), directory);
            for (Consumer<Path> listener : exitListeners) {
                try {
                    listener.accept(directory);
                } catch (RuntimeException e) {
                    LOG.warn("An exit listener failed: {}", e.getMessage());
                }
            }
        });
    }

    @Override
    public long start(Launch launch) {
        return launch(launch).pid();
    }

    @Override
    public synchronized Started launch(Launch launch) {
        Optional<Long> running = running(launch.directory(), launch.name());
        if (running.isPresent()) {
            return new Started(running.get(), true);
        }
        stopping.remove(new Daemon(launch.directory(), launch.name()));
        List<String> command = new ArrayList<>();
        if (new File(SETSID).canExecute()) {
            command.add(SETSID);
        }
        if (launch.user() != null && ROOT) {
            command.addAll(asUser(launch.user()));
        }
        command.addAll(launch.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(launch.directory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logFile(launch.directory(), launch.name()).toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(launch.environment());
        try {
            Files.createDirectories(launch.directory());
            Process process = builder.start();
            long pid = process.pid();
            long startedAt = process.info()
                    .startInstant()
                    .map(java.time.Instant::toEpochMilli)
                    .orElse(0L);
            ConfigFiles.writeAtomically(
                    pidFile(launch.directory(), launch.name()), pid + "\n" + startedAt + "\n", null);
            LOG.info("Started {} (pid {}) in {}", launch.name(), pid, launch.directory());
            children.put(new Daemon(launch.directory(), launch.name()), process);
            watch(launch.directory(), launch.name(), process.toHandle());
            return new Started(pid, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launch.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    /**
     * setpriv execs the daemon in place (the pid stays the daemon's), with the user's uid, gid and
     * groups, and no-new-privs so nothing it runs can become root again.
     */
    private static List<String> asUser(String user) {
        if (!new File(SETPRIV).canExecute()) {
            throw new IllegalStateException("setpriv (util-linux) is needed to run daemons as " + user);
        }
        return List.of(
                SETPRIV,
                "--reuid=" + id("-u", user),
                "--regid=" + id("-g", user),
                "--init-groups",
                "--no-new-privs",
                "--");
    }

    private static String id(String flag, String user) {
        try {
            Process id = new ProcessBuilder("id", flag, user)
                    .redirectErrorStream(true)
                    .start();
            String out =
                    new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (id.waitFor() != 0 || !out.matches("\\d+")) {
                throw new IllegalStateException("no such user on this machine: " + user);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public Optional<Long> running(Path directory, String name) {
        Path pidFile = pidFile(directory, name);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            long startedAt = lines.size() > 1 ? Long.parseLong(lines.get(1).trim()) : 0;
            Process child = children.get(new Daemon(directory, name));
            if (child != null && child.pid() == pid) {
                // the Process knows until it is reaped; /proc knows a killed one is a zombie sooner
                return child.isAlive() && alive(child.toHandle()) ? Optional.of(pid) : Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(ProcessSupervisorImpl::alive)
                    .filter(h -> startedAt == 0
                            || h.info()
                                    .startInstant()
                                    .map(i -> i.toEpochMilli() == startedAt)
                                    .orElse(true))
                    .map(h -> {
                        watch(directory, name, h); // adopted after a panel restart: watched from now on
                        return h.pid();
                    });
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean stop(Path directory, String name, Duration grace) {
        Optional<ProcessHandle> handle = running(directory, name).flatMap(ProcessHandle::of);
        if (handle.isEmpty()) {
            deletePidFile(directory, name);
            return false;
        }
        ProcessHandle process = handle.get();
        Daemon daemon = new Daemon(directory, name);
        stopping.add(daemon);
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} (pid {}) ignored SIGTERM for {}; killing it", name, process.pid(), grace);
            process.destroyForcibly();
            awaitExit(process); // a start right after this must not race the old daemon for its ports
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("waiting for {} failed", name, e);
        }
        // only now: a panel killed while stopping finds the process again by this file
        deletePidFile(directory, name);
        children.remove(daemon);
        return true;
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn(
                    "{} (pid {}) still runs after SIGKILL",
                    process.info().command().orElse("daemon"),
                    process.pid());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** As the SPI's, with the exit status in the message when the daemon was this supervisor's child. */
    @Override
    public void awaitReady(Path directory, String name, Duration timeout, java.util.function.BooleanSupplier ready) {
        try {
            ProcessSupervisor.super.awaitReady(directory, name, timeout, ready);
        } catch (IllegalStateException e) {
            Process child = children.get(new Daemon(directory, name));
            if (child != null && !child.isAlive()) {
                throw new IllegalStateException(e.getMessage() + " (exit status " + child.exitValue() + ")", e);
            }
            throw e;
        }
    }

    private static void deletePidFile(Path directory, String name) {
        try {
            Files.deleteIfExists(pidFile(directory, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hangup(Path directory, String name) {
        Optional<Long> pid = running(directory, name);
        if (pid.isEmpty()) {
            return false;
        }
        try {
            return new ProcessBuilder("kill", "-HUP", Long.toString(pid.get()))
                            .start()
                            .waitFor()
                    == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Path logFile(Path directory, String name) {
        return directory.resolve(name + ".log");
    }

    /**
     * Alive and not a zombie. A daemon adopted after a panel restart is no longer our child; if it
     * dies, a parent that does not reap (pid 1 in some containers) leaves a zombie that
     * {@link ProcessHandle#isAlive()} still reports as alive.
     */
    static boolean alive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // the state follows the command name in parentheses, which may itself contain spaces
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // no /proc: trust isAlive
        }
    }

    static Path pidFile(Path directory, String name) {
        return directory.resolve(name + ".pid");
    }
}
