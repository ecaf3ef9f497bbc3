/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.accounts.api.PlanInput;
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.ResellerPlan;
import org.castpanel.core.api.Caller;

@Service
@Command(scope = "castpanel", name = "plan-add", description = "Creates a reseller plan; omitted limits are unlimited")
public class PlanAddCommand extends ConsoleCommand {

    @Reference
    PlanService plans;

    @Argument(index = 0, name = "name", required = true, description = "Plan name")
    String name;

    @Option(name = "--servers", description = "Server (media service) limit")
    Integer servers;

    @Option(name = "--listeners", description = "Max connections (listeners) across services")
    Integer listeners;

    @Option(name = "--bitrate", description = "Max bitrate in kbit/s")
    Integer bitrate;

    @Option(name = "--transfer", description = "Data transfer per month in GB")
    Long transfer;

    @Option(name = "--disk", description = "Disk quota in MB")
    Long disk;

    @Option(name = "--autodj", description = "Allow AutoDJ")
    boolean autoDj;

    @Option(name = "--autodj-quota", description = "AutoDJ accounts per user")
    Integer autoDjQuota;

    @Option(name = "--proxy", description = "Allow the port 80/443 proxy")
    boolean proxy;

    @Option(name = "--sub-resellers", description = "Allow creating sub-resellers")
    boolean subResellers;

    @Option(name = "--no-transfer-suspend", description = "Do not suspend services that used up their monthly transfer")
    boolean keepOverTransfer;

    @Option(name = "--engine", multiValued = true, description = "Allowed engine type (repeat); default: all")
    List<String> engines;

    @Override
    void run(Caller caller, PrintStream out) {
        ResellerPlan created = plans.create(
                caller,
                new PlanInput(
                        name,
                        autoDj,
                        autoDjQuota,
                        proxy,
                        listeners,
                        transfer,
                        bitrate,
                        servers,
                        disk,
                        engines,
                        subResellers,
                        !keepOverTransfer));
        out.println("Created reseller plan " + created.id() + " (" + created.name() + ")");
    }
}
