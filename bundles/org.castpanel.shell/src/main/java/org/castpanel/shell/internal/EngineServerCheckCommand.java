/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.Caller;
import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.EngineServerInfo;

@Service
@Command(
        scope = "castpanel",
        name = "engine-server-check",
        description =
                "Tests a registered remote media server now (it answers, it takes its credentials) and prints its health")
public class EngineServerCheckCommand extends ConsoleCommand {

    @Reference
    EngineServerAdmin servers;

    @Argument(index = 0, name = "id", required = true, description = "Server id (see castpanel:engine-server-list)")
    long id;

    @Override
    void run(Caller caller, PrintStream out) {
        EngineServerInfo server = servers.check(caller, id);
        out.println(server.name() + " (" + server.engineType() + ", " + server.url() + "): " + server.health() + ", "
                + server.healthDetail());
    }
}
