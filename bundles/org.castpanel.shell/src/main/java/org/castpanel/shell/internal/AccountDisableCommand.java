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
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "account-disable",
        description = "Disables an account: it can no longer log in or use the API")
public class AccountDisableCommand extends ConsoleCommand {

    @Argument(index = 0, name = "account", required = true, description = "Account id or username")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        accounts.setEnabled(caller, account(caller, account).id(), false);
        out.println("Disabled " + account);
    }
}
