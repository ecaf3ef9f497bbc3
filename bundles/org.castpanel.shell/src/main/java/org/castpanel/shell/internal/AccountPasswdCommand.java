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
import org.castpanel.accounts.api.AccountChanges;
import org.castpanel.core.api.Caller;

@Service
@Command(
        scope = "castpanel",
        name = "account-passwd",
        description = "Sets a new password for an account (logs out its sessions)")
public class AccountPasswdCommand extends ConsoleCommand {

    @Argument(index = 0, name = "account", required = true, description = "Account id or username")
    @Completion(AccountCompleter.class)
    String account;

    @Option(name = "--password", description = "The new password; asked for when omitted")
    String password;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        long id = account(caller, account).id();
        String pw = password != null ? password : session.readLine("New password: ", '*');
        if (id == caller.accountId()) {
            accounts.update(
                    caller,
                    id,
                    new AccountChanges(null, null, null, null, null, null, null, null, null, null, null, pw, null));
        } else {
            accounts.resetPassword(caller, id, pw);
        }
        out.println("Password changed for " + account);
    }
}
