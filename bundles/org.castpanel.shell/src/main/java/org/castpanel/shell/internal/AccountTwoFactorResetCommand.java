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
import org.castpanel.accounts.api.AuthService;
import org.castpanel.core.api.Caller;

/** For an account holder who lost the phone with the authenticator app, including the last administrator. */
@Service
@Command(
        scope = "castpanel",
        name = "account-2fa-reset",
        description = "Turns off an account's two-factor authentication (a lost phone) and ends its sessions")
public class AccountTwoFactorResetCommand extends ConsoleCommand {

    @Reference
    AuthService auth;

    @Argument(index = 0, name = "account", required = true, description = "Account id or username")
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(Caller caller, PrintStream out) throws Exception {
        auth.resetTwoFactor(caller, account(caller, account).id());
        out.println("Two-factor authentication is off for " + account + "; it can set it up again from its profile");
    }
}
