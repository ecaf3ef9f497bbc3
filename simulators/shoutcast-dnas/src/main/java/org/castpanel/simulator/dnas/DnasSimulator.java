/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.dnas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import sun.misc.Signal;

/**
 * {@code sc_serv <config file>}: the simulated DNAS, for tests where the proprietary binary cannot
 * be installed. SIGUSR1 reloads, SIGUSR2 reloads by force, SIGHUP reopens the log, SIGTERM stops.
 */
public final class DnasSimulator {

    private DnasSimulator() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && "--install".equals(args[0])) {
            System.out.println(install(Path.of(args[1]))); // for scripts: bench/shoutcast.sh
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: sc_serv <config file> | --install <folder>");
            System.exit(2);
        }
        DnasServer server;
        try {
            server = DnasServer.start(Path.of(args[0]));
        } catch (IOException e) {
            System.err.println("sc_serv: " + e.getMessage());
            System.exit(1);
            return;
        }
        Signal.handle(new Signal("USR1"), s -> server.reload(false));
        Signal.handle(new Signal("USR2"), s -> server.reload(true));
        Signal.handle(new Signal("HUP"), s -> server.reopenLog());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /**
     * Puts an {@code sc_serv} launcher and this simulator's classes into {@code folder} (made
     * readable by everyone, as the DNAS may run as an unprivileged user: put {@code folder} where
     * everyone may pass, such as directly in /tmp) and answers the launcher.
     */
    public static Path install(Path folder) {
        try {
            Path classes = folder.resolve("classes");
            Path source = Path.of(DnasSimulator.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(source)) {
                copyTree(source, classes);
            } else {
                Files.createDirectories(classes);
                Files.copy(source, classes.resolve("simulator.jar"), StandardCopyOption.REPLACE_EXISTING);
            }
            String classpath = Files.isDirectory(source)
                    ? classes.toString()
                    : classes.resolve("simulator.jar").toString();
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path launcher = folder.resolve("sc_serv");
            Files.writeString(
                    launcher,
                    "#!/bin/sh\n"
                            + "# SHOUTcast DNAS 2 simulator standing in for the proprietary sc_serv (tests only)\n"
                            + "exec '" + java
                            + "' -Xmx24m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"
                            + " -cp '" + classpath + "' " + DnasSimulator.class.getName() + " \"$@\"\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            openUp(folder);
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(f)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void openUp(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(
                        f,
                        PosixFilePermissions.fromString(
                                Files.isDirectory(f) || f.endsWith("sc_serv") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
