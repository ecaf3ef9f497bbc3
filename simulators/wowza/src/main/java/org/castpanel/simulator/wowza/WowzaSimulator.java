/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.simulator.wowza;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code wowza-simulator <folder> <rest port> <rtmp port> <hls port> <stat port> <user> <password>
 * [basic|digest]}: the simulated Wowza Streaming Engine as a process of its own, for trying the
 * plugin by hand. The tests run {@link WowzaServer} in their own JVM.
 */
public final class WowzaSimulator {

    private WowzaSimulator() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 7 || args.length > 8) {
            System.err.println("usage: wowza-simulator <folder> <rest port> <rtmp port> <hls port> <stat port>"
                    + " <user> <password> [basic|digest]");
            System.exit(2);
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        WowzaServer server = WowzaServer.start(WowzaServer.Options.of(
                folder,
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4]),
                args[5],
                args[6],
                args.length == 8 && args[7].equals("digest")));
        System.out.println(
                "Wowza simulator: REST on 127.0.0.1:" + args[1] + ", RTMP on " + args[2] + ", HLS on " + args[3]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
