/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;

import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.AccountGramEntity;
import org.castpanel.persistence.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account list's substring search through cp_account_gram: every three-character piece of an
 * account's username, name and e-mail, folded (lower case, accents dropped) and packed into a
 * number. An account that contains the query contains each of its pieces, so the accounts holding
 * the query's rarest piece are a superset of the matches; the list's own LIKE still decides, so
 * the index only ever narrows what is read. Folding accents keeps that superset true on MariaDB,
 * whose collation matches "cafe" to "café".
 */
final class AccountSearch {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSearch.class);

    /**
     * A piece held by more accounts than this is not worth reading by key: such a common query
     * finds its page early in the plain ordered scan, which stops after one page.
     */
    static final int MOST_CANDIDATES = 1_000;

    private static final int BACKFILL_BATCH = 500;
    private static final long BACKFILL_RETRY_NANOS = 30_000_000_000L;

    private final Store store;
    /** Whether every account has its pieces: until then searches scan, as the index could miss the rest. */
    private volatile boolean complete;

    private final AtomicLong triedAt = new AtomicLong();
    private final AtomicBoolean tried = new AtomicBoolean();

    AccountSearch(Store store) {
        this.store = store;
    }

    /**
     * Whether searches may use the index. The first call indexes the accounts found without pieces;
     * if the database is away then, the next try comes 30 s later (from a later call), and searches
     * scan meanwhile.
     */
    boolean ready() {
        if (complete) {
            return true;
        }
        long now = System.nanoTime();
        long last = triedAt.get();
        boolean due = !tried.get() || now - last > BACKFILL_RETRY_NANOS;
        if (due && triedAt.compareAndSet(last, now)) {
            tried.set(true);
            try {
                backfill(store);
                complete = true;
            } catch (RuntimeException e) {
                LOG.warn(
                        "the account list's search index could not be completed ({}); searches read every account until it is",
                        e.toString());
            }
        }
        return complete;
    }

    /** Lower case per code point, accents and other combining marks dropped. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK
                    && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                folded.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return folded.toString();
    }

    /** The folded three-character pieces of these texts (nulls skipped), each packed into 63 bits. */
    static Set<Long> grams(String... texts) {
        Set<Long> grams = new HashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int[] cps = fold(text).codePoints().toArray();
            for (int i = 0; i + 3 <= cps.length; i++) {
                grams.add(pack(cps[i], cps[i + 1], cps[i + 2]));
            }
        }
        return grams;
    }

    private static Set<Long> grams(AccountEntity account) {
        return grams(account.usernameLc, account.name, account.email);
    }

    /** Replaces an account's pieces after a change of its name or e-mail (inside the change's transaction). */
    static void index(EntityManager em, AccountEntity account) {
        em.createQuery("DELETE FROM AccountGramEntity g WHERE g.accountId = :a")
                .setParameter("a", account.id)
                .executeUpdate();
        add(em, account);
    }

    /** Writes a new account's pieces (inside its creation's transaction). */
    static void add(EntityManager em, AccountEntity account) {
        em.flush(); // the account's row first: each piece refers to it
        for (long gram : grams(account)) {
            em.persist(new AccountGramEntity(gram, account.id));
        }
    }

    /**
     * Indexes the accounts that have no pieces yet: those of a database from before the index,
     * or loaded around the panel.
     */
    private static void backfill(Store store) {
        long started = System.nanoTime();
        long after = 0;
        int indexed = 0;
        while (true) {
            long from = after;
            List<AccountEntity> batch = store.read(em -> em.createQuery(
                            "SELECT a FROM AccountEntity a WHERE a.id > :after AND NOT EXISTS"
                                    + " (SELECT g FROM AccountGramEntity g WHERE g.accountId = a.id) ORDER BY a.id",
                            AccountEntity.class)
                    .setParameter("after", from)
                    .setMaxResults(BACKFILL_BATCH)
                    .getResultList());
            if (batch.isEmpty()) {
                break;
            }
            store.write(em -> {
                for (AccountEntity account : batch) {
                    for (long gram : grams(account)) {
                        em.persist(new AccountGramEntity(gram, account.id));
                    }
                }
                return null;
            });
            indexed += batch.size();
            after = batch.get(batch.size() - 1).id;
        }
        if (indexed > 0) {
            LOG.info(
                    "indexed {} accounts for the account list's search in {} ms",
                    indexed,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * The ids of the accounts that may contain this query (folded here), or null when the
     * plain scan is the better way: a query shorter than a piece, or one whose every piece is common.
     * Pieces with digits and punctuation, and those nearer the end, are tried first: in names like
     * "customer-77" they are the rare ones. The first uncommon piece's holders are the candidates;
     * when they are still many, up to two more pieces are read to narrow them.
     */
    static List<Long> candidates(EntityManager em, String query) {
        int[] cps = fold(query).codePoints().toArray();
        List<Integer> starts = new ArrayList<>();
        for (int i = cps.length - 3; i >= 0; i--) {
            starts.add(i);
        }
        starts.sort(Comparator.comparingInt((Integer i) -> -nonLetters(cps, i)));
        Set<Long> narrowest = null;
        int moreRead = 0;
        Set<Long> tried = new HashSet<>();
        for (int start : starts) {
            long piece = pack(cps[start], cps[start + 1], cps[start + 2]);
            if (!tried.add(piece)) {
                continue;
            }
            List<Long> holders = em.createQuery(
                            "SELECT g.accountId FROM AccountGramEntity g WHERE g.gram = :g", Long.class)
                    .setParameter("g", piece)
                    .setMaxResults(MOST_CANDIDATES + 1)
                    .getResultList();
            if (narrowest != null) {
                moreRead++;
            }
            if (holders.size() <= MOST_CANDIDATES) { // a common piece would cost more to read than it narrows
                if (narrowest == null) {
                    narrowest = new HashSet<>(holders);
                } else {
                    narrowest.retainAll(new HashSet<>(holders));
                }
            }
            if (narrowest != null && (narrowest.size() <= FEW_ENOUGH || moreRead == 2)) {
                break;
            }
        }
        return narrowest == null ? null : new ArrayList<>(narrowest);
    }

    /** Candidates this few are read by key at once; narrowing them further costs more than it saves. */
    private static final int FEW_ENOUGH = 250;

    private static int nonLetters(int[] cps, int start) {
        int n = 0;
        for (int i = start; i < start + 3; i++) {
            n += Character.isLetter(cps[i]) ? 0 : 1;
        }
        return n;
    }

    private static long pack(int first, int second, int third) {
        return ((long) first << 42) | ((long) second << 21) | third; // code points fit 21 bits
    }
}
