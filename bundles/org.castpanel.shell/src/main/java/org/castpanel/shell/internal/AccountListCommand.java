/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountQuery;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;

@Service
@Command(scope = "castpanel", name = "account-list", description = "Lists accounts, a-z by username")
public class AccountListCommand extends ConsoleCommand {

    @Option(
            name = "-q",
            aliases = "--search",
            description = "Only accounts whose username, name or email contains this")
    String search;

    @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
    int page;

    @Option(name = "-s", aliases = "--size", description = "Rows per page (at most 200)")
    int size = 50;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        Page<Account> result = accounts.list(caller, new AccountQuery(search, null, null, null, null, page, size));
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("Username");
        table.column("Name");
        table.column("Kind");
        table.column("Status");
        table.column("API");
        table.column("Plan");
        for (Account a : result.items()) {
            table.addRow()
                    .addContent(
                            a.id(),
                            a.username(),
                            a.name(),
                            a.kind(),
                            a.enabled() ? "enabled" : "disabled",
                            a.apiAccess() ? "on" : "off",
                            orDash(a.resellerPlanId()));
        }
        table.print(out);
        out.println("page " + result.page() + ", " + result.items().size() + " of " + result.total());
    }
}
