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
import org.castpanel.services.api.EngineCatalog;
import org.castpanel.services.api.EngineInfo;

@Service
@Command(
        scope = "castpanel",
        name = "engine-list",
        description = "Lists engine types: installed plugins, and types whose plugin is gone")
public class EngineListCommand extends ConsoleCommand {

    @Reference
    EngineCatalog engines;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        for (String column :
                new String[] {"Type", "Label", "Kind", "Role", "Version", "Enabled", "Installed", "Services", "Problem"
                }) {
            table.column(column);
        }
        for (EngineInfo e : engines.list()) {
            table.addRow()
                    .addContent(
                            e.type().id(),
                            e.type().label(),
                            e.type().kind(),
                            e.type().role(),
                            orDash(e.pluginVersion()),
                            e.enabled() ? "yes" : "no",
                            e.available() ? "yes" : "NO",
                            e.services(),
                            orDash(e.problem()));
        }
        table.print(out);
    }
}
