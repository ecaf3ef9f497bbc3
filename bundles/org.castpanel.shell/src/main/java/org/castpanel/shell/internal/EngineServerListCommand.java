/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.core.api.Caller;
import org.castpanel.services.api.EngineServerAdmin;
import org.castpanel.services.api.EngineServerInfo;

@Service
@Command(
        scope = "castpanel",
        name = "engine-server-list",
        description = "Lists the remote media servers (Wowza, Flussonic) registered per node")
public class EngineServerListCommand extends ConsoleCommand {

    @Reference
    EngineServerAdmin servers;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        for (String column :
                new String[] {"Id", "Type", "Node", "Name", "URL", "Public host", "Enabled", "Health", "Services"}) {
            table.column(column);
        }
        for (EngineServerInfo s : servers.list(caller)) {
            table.addRow()
                    .addContent(
                            s.id(),
                            s.engineType(),
                            s.node(),
                            s.name(),
                            s.url(),
                            s.publicHost(),
                            s.enabled() ? "yes" : "no",
                            s.health(),
                            s.services());
        }
        table.print(out);
    }
}
