/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountQuery;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.castpanel.persistence.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deep pages are read as a deferred join: the same rows, in the same order, as a plain page. */
class AccountListPagingTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyPageBeforeAndAfterTheDeferredJoinHoldsTheRightAccountsInOrder() {
        Rows rows = new Rows(store);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 1_250; i++) {
            String name = String.format("user-%04d", (i * 7919) % 1_250); // inserted out of order
            rows.account(name);
            names.add(name);
        }
        names.sort(null);
        AccountServiceImpl accounts = TestAccounts.service(store);
        Caller admin = Caller.console(1, "admin");
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 7; page++) { // size 200: pages 5 and 6 start at offsets 1,000 and 1,200
            Page<Account> result = accounts.list(admin, new AccountQuery(null, null, null, null, null, page, 200));
            assertEquals(1_250, result.total());
            result.items().forEach(a -> seen.add(a.username()));
        }
        assertEquals(names, seen);
        Page<Account> descending = accounts.list(admin, new AccountQuery(null, null, null, null, "-username", 6, 200));
        List<String> reversed = new ArrayList<>(names);
        java.util.Collections.reverse(reversed);
        assertEquals(
                reversed.subList(1_200, 1_250),
                descending.items().stream().map(Account::username).toList());
    }
}
