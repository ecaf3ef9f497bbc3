/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.ServiceQuery;

@Service
@Command(scope = "castpanel", name = "service-list", description = "Lists media services, newest first")
public class ServiceListCommand extends ConsoleCommand {

    @Reference
    MediaServices services;

    @Option(name = "--owner", description = "Only this owner's services (id or username)")
    String owner;

    @Option(name = "--type", description = "Only this engine type")
    String type;

    @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
    int page;

    @Override
    void run(Caller caller, PrintStream out) {
        Long ownerId = owner == null ? null : account(caller, owner).id();
        Page<MediaService> result = services.list(caller, new ServiceQuery(ownerId, type, null, null, page, 50));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"ID", "Name", "Type", "Owner", "State", "Wanted", "Suspended"}) {
            table.column(column);
        }
        for (MediaService s : result.items()) {
            table.addRow()
                    .addContent(
                            s.id(),
                            s.name(),
                            s.engineType(),
                            s.ownerUsername(),
                            s.state(),
                            s.desiredRunning() ? "running" : "stopped",
                            s.suspended() ? "yes" : "no");
        }
        table.print(out);
        out.println("page " + result.page() + ", " + result.items().size() + " of " + result.total());
    }
}
