/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.Caller;
import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.EngineServerInfo;
import org.castpanel.services.api.EngineServerInput;

@Service
@Command(
        scope = "castpanel",
        name = "engine-server-add",
        description = "Registers a remote media server for an engine type on this node")
public class EngineServerAddCommand extends ConsoleCommand {

    @Argument(index = 0, name = "type", required = true, description = "Engine type with remote servers, e.g. wowza")
    String type;

    @Argument(index = 1, name = "name", required = true, description = "A name unique on this node")
    String name;

    @Argument(
            index = 2,
            name = "url",
            required = true,
            description = "Its management URL, e.g. http://wowza1.example.net:8087")
    String url;

    @Option(name = "--public-host", description = "Host customers use (default: the URL's host)")
    String publicHost;

    @Option(name = "--username", description = "Management user")
    String username;

    @Option(
            name = "--password",
            description =
                    "Management password (stored encrypted; the console keeps its history, so prefer the web UI or the API)")
    String password;

    @Override
    void run(Caller caller, PrintStream out) {
        EngineServerInfo created =
                servers.create(caller, new EngineServerInput(type, name, url, username, password, publicHost, true));
        out.println("Registered " + created.engineType() + " server " + created.id() + " (" + created.name() + ", "
                + created.url() + ")");
    }

    @Reference
    EngineServerAdmin servers;
}
