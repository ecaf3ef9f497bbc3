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
import org.castpanel.accounts.api.PlanService;
import org.castpanel.accounts.api.ResellerPlan;
import org.castpanel.core.api.Caller;

@Service
@Command(scope = "castpanel", name = "plan-list", description = "Lists reseller plans")
public class PlanListCommand extends ConsoleCommand {

    @Reference
    PlanService plans;

    @Override
    void run(Caller caller, PrintStream out) {
        ShellTable table = new ShellTable();
        for (String column : new String[] {
            "ID",
            "Name",
            "Servers",
            "Listeners",
            "Bitrate",
            "Transfer GB",
            "Disk MB",
            "AutoDJ",
            "Sub-resellers",
            "Engines"
        }) {
            table.column(column);
        }
        for (ResellerPlan p : plans.list(caller)) {
            table.addRow()
                    .addContent(
                            p.id(),
                            p.name(),
                            limit(p.serverLimit()),
                            limit(p.maxListeners()),
                            limit(p.maxBitrateKbps()),
                            limit(p.maxDataTransferGb()),
                            limit(p.diskQuotaMb()),
                            p.autoDjAllowed() ? "yes (" + limit(p.autoDjQuota()) + ")" : "no",
                            p.subResellersAllowed() ? "yes" : "no",
                            p.allowedEngineTypes().isEmpty() ? "all" : String.join(",", p.allowedEngineTypes()));
        }
        table.print(out);
    }

    static String limit(Object value) {
        return value == null ? "unlimited" : value.toString();
    }
}
