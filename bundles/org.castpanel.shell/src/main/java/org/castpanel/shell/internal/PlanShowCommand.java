/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.ResellerPlan;
import org.castpanel.core.api.Caller;

@Service
@Command(scope = "castpanel", name = "plan-show", description = "Shows a reseller plan")
public class PlanShowCommand extends ConsoleCommand {

    @Reference
    PlanService plans;

    @Argument(index = 0, name = "plan", required = true, description = "Plan id")
    @Completion(PlanCompleter.class)
    long plan;

    @Override
    void run(Caller caller, PrintStream out) {
        ResellerPlan p = plans.get(caller, plan);
        out.printf("ID:                 %d%n", p.id());
        out.printf("Name:               %s%n", p.name());
        out.printf("Server limit:       %s%n", PlanListCommand.limit(p.serverLimit()));
        out.printf("Max listeners:      %s%n", PlanListCommand.limit(p.maxListeners()));
        out.printf("Max bitrate kbps:   %s%n", PlanListCommand.limit(p.maxBitrateKbps()));
        out.printf("Data transfer GB:   %s%n", PlanListCommand.limit(p.maxDataTransferGb()));
        out.printf("Over transfer:      %s%n", p.suspendOverTransfer() ? "suspend the service" : "keep running");
        out.printf("Disk quota MB:      %s%n", PlanListCommand.limit(p.diskQuotaMb()));
        out.printf(
                "AutoDJ:             %s (quota %s)%n",
                p.autoDjAllowed() ? "allowed" : "not allowed", PlanListCommand.limit(p.autoDjQuota()));
        out.printf("Proxy:              %s%n", p.proxyAllowed() ? "allowed" : "not allowed");
        out.printf("Sub-resellers:      %s%n", p.subResellersAllowed() ? "allowed" : "not allowed");
        out.printf(
                "Engine types:       %s%n",
                p.allowedEngineTypes().isEmpty() ? "all" : String.join(", ", p.allowedEngineTypes()));
    }
}
