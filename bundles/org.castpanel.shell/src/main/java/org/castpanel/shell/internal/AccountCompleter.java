/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.castpanel.accounts.api.AccountQuery;
import org.castpanel.accounts.api.AccountService;

/** Completes usernames, searching by what has been typed so far (at most 100 suggestions). */
@Service
public class AccountCompleter implements Completer {

    @Reference
    AccountService accounts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null
                ? ""
                : commandLine.getCursorArgument().substring(0, commandLine.getArgumentPosition());
        StringsCompleter delegate = new StringsCompleter();
        accounts.list(accounts.consoleCaller(), new AccountQuery(typed, null, null, null, null, 0, 100))
                .items()
                .forEach(a -> delegate.getStrings().add(a.username()));
        return delegate.complete(session, commandLine, candidates);
    }
}
