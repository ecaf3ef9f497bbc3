/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.engine.api.platform.ProcessSupervisor.Launch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSupervisorImplTest {

    @TempDir
    Path dir;

    private final ProcessSupervisorImpl supervisor = new ProcessSupervisorImpl();

    @AfterEach
    void stopLeftovers() {
        supervisor.stop(dir, "daemon", Duration.ofSeconds(5));
    }

    @Test
    void readinessIsTheDaemonsOwnSignalAndAnExitReportsItsLog() {
        supervisor.start(new Launch(
                "daemon", List.of("sh", "-c", "echo 'bad config: no <listen-socket>'; exit 1"), dir, Map.of()));
        IllegalStateException exited = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> supervisor.awaitReady(dir, "daemon", Duration.ofSeconds(10), () -> false));
        assertTrue(exited.getMessage().contains("bad config: no <listen-socket>"), exited.getMessage());

        supervisor.start(new Launch("daemon", List.of("sleep", "600"), dir, Map.of()));
        org.junit.jupiter.api.Assertions.assertThrows(
                org.castpanel.engine.api.RetryableEngineException.class,
                () -> supervisor.awaitReady(dir, "daemon", Duration.ofMillis(200), () -> false),
                "alive but never ready by its own signal is not ready");
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        supervisor.awaitReady(dir, "daemon", Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 3);
        assertEquals(3, polls.get(), "ready as soon as the signal says so");
    }

    @Test
    void aDaemonKilledFromOutsideIsReportedAtOnceAndOneStoppedIsNot() throws Exception {
        List<Path> exited = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = supervisor.onUnexpectedExit(exited::add)) {
            Path stopped = Files.createDirectories(dir.resolve("stopped"));
            supervisor.start(new Launch("daemon", List.of("sleep", "600"), stopped, Map.of()));
            supervisor.stop(stopped, "daemon", Duration.ofSeconds(5));

            Path killed = Files.createDirectories(dir.resolve("killed"));
            long pid = supervisor.start(new Launch("daemon", List.of("sleep", "600"), killed, Map.of()));
            long before = System.nanoTime();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Waits.until(() -> !exited.isEmpty());
            assertTrue(System.nanoTime() - before < 5_000_000_000L, "reported within 5 s");
            assertEquals(List.of(killed), exited, "the stopped one was not news");
        }
    }

    @Test
    void anAdoptedDaemonIsWatchedToo() throws Exception {
        long pid = supervisor.start(new Launch("daemon", List.of("sleep", "600"), dir, Map.of()));
        ProcessSupervisorImpl afterRestart = new ProcessSupervisorImpl(); // the panel restarted
        List<Path> exited = new java.util.concurrent.CopyOnWriteArrayList<>();
        afterRestart.onUnexpectedExit(exited::add);
        assertEquals(Optional.of(pid), afterRestart.running(dir, "daemon"), "found by its pid file");
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Waits.until(() -> !exited.isEmpty());
        assertEquals(List.of(dir), exited);
    }

    @Test
    void startsOnceAdoptsByPidFileAndStops() throws Exception {
        Launch launch = new Launch("daemon", List.of("sleep", "600"), dir, Map.of());
        ProcessSupervisor.Started started = supervisor.launch(launch);
        long pid = started.pid();
        assertFalse(started.adopted(), "started now");
        assertEquals(
                new ProcessSupervisor.Started(pid, true), supervisor.launch(launch), "a running daemon is adopted");
        assertEquals(pid, supervisor.start(launch), "a running daemon is not started twice");
        assertTrue(Files.readString(dir.resolve("daemon.pid")).startsWith(pid + "\n"));

        // a fresh supervisor (the panel after a restart) finds the same process
        assertEquals(
                Long.valueOf(pid),
                new ProcessSupervisorImpl().running(dir, "daemon").orElseThrow());

        assertTrue(supervisor.stop(dir, "daemon", Duration.ofSeconds(5)));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(supervisor.running(dir, "daemon").isEmpty());
        assertFalse(supervisor.stop(dir, "daemon", Duration.ofSeconds(1)), "nothing left to stop");
    }

    @Test
    void aPidRunningSomethingElseIsNotAdopted() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(dir.resolve("daemon.pid"), self + "\n12345\n"); // our pid, another start time
        assertTrue(supervisor.running(dir, "daemon").isEmpty());
        Files.delete(dir.resolve("daemon.pid"));
    }

    @Test
    void aZombieIsNotAlive() throws Exception {
        // after exec, "sleep 600" is the parent of "sleep 0.1" and never reaps it: a zombie
        long parent = supervisor.start(
                new Launch("daemon", List.of("sh", "-c", "sleep 0.1 & exec sleep 600"), dir, Map.of()));
        Path children = Path.of("/proc", Long.toString(parent), "task", Long.toString(parent), "children");
        Waits.until(() -> !Files.readString(children).isBlank());
        long child = Long.parseLong(Files.readString(children).trim().split("\\s+")[0]);
        Waits.until(() ->
                Files.readString(Path.of("/proc", Long.toString(child), "stat")).contains(") Z "));
        ProcessHandle zombie = ProcessHandle.of(child).orElseThrow();
        assertTrue(zombie.isAlive(), "the JDK calls a zombie alive");
        assertFalse(ProcessSupervisorImpl.alive(zombie), "the supervisor does not");
        assertTrue(ProcessSupervisorImpl.alive(ProcessHandle.of(parent).orElseThrow()));
    }

    @Test
    void outputGoesToTheLog() throws Exception {
        long pid = supervisor.start(new Launch(
                "daemon",
                List.of("sh", "-c", "echo hello from $GREETING; exec sleep 600"),
                dir,
                Map.of("GREETING", "castpanel")));
        org.castpanel.platform.internal.Waits.until(() -> Files.exists(dir.resolve("daemon.log"))
                && Files.readString(dir.resolve("daemon.log")).contains("hello from castpanel"));
        assertTrue(supervisor.running(dir, "daemon").isPresent(), "pid " + pid);
    }

    /** As root (CI, a hosting box), a daemon given a user runs with that user's ids, in place (same pid). */
    @Test
    void aDaemonGivenAUserRunsAsThatUser() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "dropping to another user needs root");
        long pid = supervisor.start(new Launch(
                "daemon", List.of("sh", "-c", "echo uid=$(id -u); exec sleep 600"), dir, Map.of(), "nobody"));
        Waits.until(() -> Files.exists(dir.resolve("daemon.log"))
                && Files.readString(dir.resolve("daemon.log")).contains("uid="));
        String nobody = new String(new ProcessBuilder("id", "-u", "nobody")
                        .start()
                        .getInputStream()
                        .readAllBytes())
                .strip();
        assertTrue(Files.readString(dir.resolve("daemon.log")).contains("uid=" + nobody));
        Waits.until(() -> Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
                .startsWith("sleep"));
        String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
        assertTrue(status.lines().anyMatch(l -> l.startsWith("Uid:") && l.contains("\t" + nobody + "\t")), status);
        assertTrue(status.lines().anyMatch(l -> l.startsWith("NoNewPrivs:") && l.endsWith("1")), status);
    }

    @Test
    void aUserNameThatCouldBeAnOptionIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> new Launch("daemon", List.of("true"), dir, Map.of(), "--reuid=0"));
    }
}
