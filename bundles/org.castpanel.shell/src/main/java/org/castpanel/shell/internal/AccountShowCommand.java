/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountOverview;
import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "account-show",
        description = "Shows an account's details, services and reseller usage")
public class AccountShowCommand extends ConsoleCommand {

    @Argument(index = 0, name = "account", required = true, description = "Account id or username")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        AccountOverview overview =
                accounts.overview(caller, account(caller, account).id());
        Account a = overview.account();
        out.printf("ID:              %d%n", a.id());
        out.printf("Username:        %s%n", a.username());
        out.printf("Name:            %s%n", a.name());
        out.printf("Email:           %s%n", orDash(a.email()));
        out.printf("Contact number:  %s%n", orDash(a.contactNumber()));
        out.printf("Type / kind:     %s / %s%n", a.type(), a.kind());
        out.printf(
                "Status:          %s%s%n",
                a.enabled() ? "enabled" : "disabled",
                a.lockedUntil() != null ? " (locked until " + a.lockedUntil() + ")" : "");
        out.printf("API access:      %s%n", a.apiAccess() ? "on" : "off");
        out.printf("Timezone:        %s%n", a.timezone());
        out.printf("Language:        %s%n", a.language());
        out.printf("Parent:          %s%n", orDash(a.parentId()));
        out.printf(
                "Active services: %d, suspended: %d, sub-accounts: %d%n",
                overview.activeServices(), overview.suspendedServices(), overview.subAccounts());
        PlanUsage usage = overview.resellerUsage();
        if (usage != null) {
            out.printf("Reseller plan:   %s (%d)%n", usage.planName(), usage.planId());
            for (PlanUsage.Line line : usage.lines()) {
                out.printf(
                        "  %-18s %d of %s%n",
                        line.limit(), line.used(), line.allowed() == null ? "unlimited" : line.allowed());
            }
        }
    }
}
