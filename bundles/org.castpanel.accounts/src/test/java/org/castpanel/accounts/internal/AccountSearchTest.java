/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountChanges;
import org.castpanel.accounts.api.AccountQuery;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.Page;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.castpanel.persistence.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The search index narrows what the list reads and never what it finds: the same page as a plain scan. */
class AccountSearchTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();
    private final Caller admin = Caller.console(1, "admin");

    @AfterEach
    void close() {
        db.close();
    }

    /** Every page of the search, checked against its total. */
    private List<String> usernames(AccountServiceImpl accounts, String q) {
        List<String> found = new ArrayList<>();
        long total;
        int page = 0;
        do {
            Page<Account> result = accounts.list(admin, new AccountQuery(q, null, null, null, null, page++, 200));
            total = result.total();
            result.items().forEach(a -> found.add(a.username()));
        } while (found.size() < total && page < 20);
        assertEquals(total, found.size(), "the total of '" + q + "'");
        return found;
    }

    @Test
    void everyQueryFindsWhatAPlainScanFinds() {
        Rows rows = new Rows(store);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) { // "rad", "adi", "dio" are held by more than 1,000: the scan path
            all.add(String.format("radio-%04d", (i * 7919) % 1_500));
        }
        all.addAll(List.of("café-del-mar", "zürich-fm", "ab", "x%y_z", "x-y-z", "plain", "über\\all"));
        all.forEach(rows::account); // loaded around the panel: the service indexes them when it starts
        AccountServiceImpl accounts = TestAccounts.service(store);
        List<String> queries = List.of(
                "radio-12",
                "o-0001",
                "radio",
                "-149",
                "café",
                "CAFÉ",
                "cafe",
                "zürich",
                "ÜRICH",
                "ab",
                "a",
                "%",
                "x%y",
                "_z",
                "y_",
                "\\",
                "r\\a",
                "nothing-like-it",
                "-",
                "x-y",
                "fm",
                "ain");
        for (String q : queries) {
            String needle = q.toLowerCase(Locale.ROOT);
            List<String> expected = all.stream()
                    .filter(u -> u.toLowerCase(Locale.ROOT).contains(needle))
                    .sorted(Comparator.naturalOrder())
                    .toList();
            assertEquals(expected, usernames(accounts, q), "search '" + q + "'");
        }
    }

    @Test
    void theIndexFollowsNameChangesAndNarrowsOnlyUncommonQueries() {
        Rows rows = new Rows(store);
        for (int i = 0; i < 1_200; i++) {
            rows.account("station-" + i);
        }
        long plain = rows.account("plain");
        AccountServiceImpl accounts = TestAccounts.service(store);
        assertEquals(List.of(), usernames(accounts, "morning show"));
        accounts.update(
                admin,
                plain,
                new AccountChanges(
                        "Morning Show", null, null, null, null, null, null, null, null, null, null, null, null));
        assertEquals(List.of("plain"), usernames(accounts, "morning show"));
        assertEquals(List.of("plain"), usernames(accounts, "MORNING"));
        store.read(em -> {
            assertNull(AccountSearch.candidates(em, "station"), "every piece of 'station' is common: scan");
            assertNotNull(AccountSearch.candidates(em, "station-11"), "'-11' is uncommon: read by key");
            assertEquals(List.of(), AccountSearch.candidates(em, "qqq"), "a piece nobody holds");
            return null;
        });
        store.write(em -> em.createNativeQuery("DELETE FROM cp_account WHERE id = ?")
                .setParameter(1, plain)
                .executeUpdate());
        long left = store.read(
                em -> em.createQuery("SELECT COUNT(g) FROM AccountGramEntity g WHERE g.accountId = :a", Long.class)
                        .setParameter("a", plain)
                        .getSingleResult());
        assertEquals(0, left, "a deleted account's pieces go with it");
    }

    @Test
    void aPanelStartedWhileTheDatabaseWasAwayFindsEveryAccountByScanningUntilItsIndexIsComplete() {
        Rows rows = new Rows(store);
        rows.account("before-index-1");
        AtomicBoolean away = new AtomicBoolean(true);
        Store flaky = (Store) Proxy.newProxyInstance(
                Store.class.getClassLoader(), new Class<?>[] {Store.class}, (p, m, a) -> {
                    if (away.get()) {
                        throw new IllegalStateException("the database is not reachable");
                    }
                    try {
                        return m.invoke(store, a);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AccountServiceImpl accounts = TestAccounts.service(flaky); // starts without its index
        away.set(false);
        rows.account("before-index-2");
        assertEquals(List.of("before-index-1", "before-index-2"), usernames(accounts, "re-index-"));
        long indexed = store.read(em -> em.createQuery("SELECT COUNT(g) FROM AccountGramEntity g", Long.class)
                .getSingleResult());
        assertEquals(0, indexed, "the next try waits its 30 s; meanwhile the scan found both");
    }
}
