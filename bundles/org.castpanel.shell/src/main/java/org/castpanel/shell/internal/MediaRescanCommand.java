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
import org.castpanel.accounts.api.Account;
import org.castpanel.core.api.Caller;
import org.castpanel.media.api.MediaLibrary;

@Service
@Command(
        scope = "castpanel",
        name = "media-rescan",
        description = "Brings an account's media index in line with its files (after changes made on the server)")
public class MediaRescanCommand extends ConsoleCommand {

    @Reference
    MediaLibrary library;

    @Argument(index = 0, name = "account", description = "Account id or username", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Override
    void run(Caller caller, PrintStream out) {
        Account a = account(caller, account);
        MediaLibrary.RescanResult r = library.rescan(caller, a.id());
        out.println("Rescanned the library of " + a.username() + ": " + r.added() + " added, " + r.updated()
                + " updated, " + r.removed() + " removed, " + r.unchanged() + " unchanged, " + r.unplayable()
                + " not playable (left out)");
    }
}
