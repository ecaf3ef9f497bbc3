/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.NewAccount;
import org.castpanel.core.api.AccountType;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "account-add",
        description = "Creates an account (customer unless --admin; reseller with --plan)")
public class AccountAddCommand extends ConsoleCommand {

    @Argument(index = 0, name = "username", required = true, description = "Login name (3-64 characters)")
    String username;

    @Option(name = "-n", aliases = "--name", required = true, description = "Full name")
    String name;

    @Option(name = "-e", aliases = "--email", description = "Email address")
    String email;

    @Option(name = "-c", aliases = "--contact", description = "Contact number")
    String contact;

    @Option(name = "--password", description = "Password (at least 5 characters); asked for when omitted")
    String password;

    @Option(name = "--admin", description = "Make it an administrator")
    boolean administrator;

    @Option(name = "--plan", description = "Reseller plan id: makes the account a reseller")
    @Completion(PlanCompleter.class)
    Long plan;

    @Option(name = "--parent", description = "Owning reseller (id or username); default: the console's administrator")
    @Completion(AccountCompleter.class)
    String parent;

    @Option(name = "--timezone", description = "IANA time zone, e.g. Europe/Berlin")
    String timezone;

    @Option(name = "--language", description = "Default language, e.g. en or de")
    String language;

    @Option(name = "--disabled", description = "Create it disabled")
    boolean disabled;

    @Option(name = "--no-api", description = "Turn API access off")
    boolean noApi;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        String pw = password != null ? password : session.readLine("Password: ", '*');
        Long parentId = parent == null ? null : account(caller, parent).id();
        Account created = accounts.create(
                caller,
                new NewAccount(
                        username,
                        pw,
                        name,
                        contact,
                        email,
                        administrator ? AccountType.ADMINISTRATOR : AccountType.CUSTOMER,
                        !disabled,
                        !noApi,
                        null,
                        null,
                        timezone,
                        language,
                        plan,
                        parentId));
        out.println("Created account " + created.id() + " (" + created.username() + ", " + created.kind() + ")");
    }
}
