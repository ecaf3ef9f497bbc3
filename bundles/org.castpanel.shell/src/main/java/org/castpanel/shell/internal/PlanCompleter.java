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
import org.castpanel.accounts.api.AccountService;
import org.castpanel.accounts.api.PlanService;

/** Completes reseller plan ids. */
@Service
public class PlanCompleter implements Completer {

    @Reference
    AccountService accounts;

    @Reference
    PlanService plans;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        plans.list(accounts.consoleCaller()).forEach(p -> delegate.getStrings().add(Long.toString(p.id())));
        return delegate.complete(session, commandLine, candidates);
    }
}
