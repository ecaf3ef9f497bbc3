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

@Service
@Command(
        scope = "castpanel",
        name = "engine-server-delete",
        description = "Removes a registered remote media server (refused while services are placed on it)")
public class EngineServerDeleteCommand extends ConsoleCommand {

    @Reference
    EngineServerAdmin servers;

    @Argument(index = 0, name = "id", required = true, description = "Server id (see castpanel:engine-server-list)")
    long id;

    @Override
    void run(Caller caller, PrintStream out) {
        servers.delete(caller, id);
        out.println("Removed engine server " + id);
    }
}
