/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;

/**
 * Base of the castpanel commands. The console acts as the first enabled administrator; accounts
 * are named by id or username; refusals print the same message the REST API gives, with the field.
 */
abstract class ConsoleCommand implements Action {

    @Reference
    AccountService accounts;

    @Reference
    Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            run(accounts.consoleCaller(), session.getConsole());
        } catch (CastPanelException e) {
            String field = e.field() == null ? "" : " [" + e.field() + "]";
            throw new IllegalArgumentException(e.getMessage() + field);
        }
        return null;
    }

    abstract void run(Caller caller, PrintStream out) throws Exception;

    Account account(Caller caller, String idOrUsername) {
        if (!idOrUsername.isEmpty() && idOrUsername.chars().allMatch(Character::isDigit)) {
            return accounts.get(caller, Long.parseLong(idOrUsername));
        }
        return accounts.getByUsername(caller, idOrUsername);
    }

    static String orDash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
