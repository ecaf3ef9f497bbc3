/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.castpanel.accounts.api.PlanUsage;
import org.castpanel.accounts.api.Tenancy;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.media.api.MediaFile;
import org.castpanel.media.api.MediaFileChanges;
import org.castpanel.media.api.MediaListing;
import org.castpanel.media.api.MediaQuery;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.PlanEntity;
import org.castpanel.persistence.Store;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.castpanel.persistence.testing.Rows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the real schema (H2, the migrations): every page of a folder, in every sort and direction, is
 * the right slice of a plain sort, before and after the deferred join; the folder's total follows
 * changes of the library, and so does the count of changes the AutoDJ's playlists go by.
 */
class MediaListPagingTest {

    private final InMemoryDatabase db = new InMemoryDatabase();
    private final Store store = db.store();

    @TempDir
    Path content;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyPageInEverySortHoldsTheRightFilesInOrder() throws Exception {
        long account = new Rows(store).account("dj");
        Files.createDirectories(content.resolve("user_" + account).resolve("Big"));
        int n = 1_250;
        store.write(em -> {
            for (int i = 0; i < n; i++) {
                int k = (i * 7919) % n; // inserted out of order
                MediaFileEntity m = new MediaFileEntity();
                m.id = 10_000 + i;
                m.accountId = account;
                m.folder = "Big";
                m.name = String.format("track-%04d.mp3", k);
                m.kind = "audio";
                m.sizeBytes = 1_000 + (k % 17); // many ties: the id breaks them
                m.title = "Title " + (k % 100);
                m.searchText = m.name;
                em.persist(m);
            }
            return null;
        });
        MediaLibraryImpl library = library();
        Caller dj = Caller.console(account, "dj");
        List<MediaFileEntity> all = store.read(
                em -> em.createQuery("SELECT m FROM MediaFileEntity m WHERE m.accountId = :a", MediaFileEntity.class)
                        .setParameter("a", account)
                        .getResultList());
        Comparator<MediaFileEntity> byName = Comparator.comparing(m -> m.name);
        Comparator<MediaFileEntity> bySize =
                Comparator.<MediaFileEntity>comparingLong(m -> m.sizeBytes).thenComparingLong(m -> m.id);
        Comparator<MediaFileEntity> byTitle =
                Comparator.<MediaFileEntity, String>comparing(m -> m.title).thenComparingLong(m -> m.id);
        for (Object[] sort : new Object[][] {{"name", byName}, {"size", bySize}, {"title", byTitle}}) {
            for (boolean descending : new boolean[] {false, true}) {
                @SuppressWarnings("unchecked")
                Comparator<MediaFileEntity> order = (Comparator<MediaFileEntity>) sort[1];
                List<MediaFileEntity> expected = new ArrayList<>(all);
                expected.sort(order);
                if (descending) {
                    Collections.reverse(expected);
                }
                List<Long> seen = new ArrayList<>();
                for (int page = 0; page < 7; page++) { // size 200: pages 5 and 6 start at 1,000 and 1,200
                    MediaListing listing = library.list(
                            dj, account, new MediaQuery("Big", null, (String) sort[0], descending, page, 200));
                    assertEquals(n, listing.files().total());
                    listing.files().items().stream().map(MediaFile::id).forEach(seen::add);
                }
                assertEquals(expected.stream().map(m -> m.id).toList(), seen, sort[0] + (descending ? " desc" : ""));
            }
        }
        // the folder's total is kept, and follows a deletion
        Files.writeString(content.resolve("user_" + account).resolve("Big/track-0000.mp3"), "x");
        long first = all.stream()
                .filter(m -> m.name.equals("track-0000.mp3"))
                .findFirst()
                .orElseThrow()
                .id;
        library.delete(dj, first);
        assertEquals(
                n - 1,
                library.list(dj, account, new MediaQuery("Big", null, null, false, 0, 10))
                        .files()
                        .total());
    }

    @Test
    void theCountOfChangesMovesWithEveryChangeOfTheAccountsFilesAndNoOneElses() throws Exception {
        long account = new Rows(store).account("dj");
        long other = new Rows(store).account("other");
        Path folder = Files.createDirectories(content.resolve("user_" + account).resolve("Old"));
        Files.writeString(folder.resolve("a.mp3"), "x");
        Files.writeString(folder.resolve("b.mp3"), "x");
        store.write(em -> {
            for (String name : List.of("a.mp3", "b.mp3")) {
                MediaFileEntity m = new MediaFileEntity();
                m.id = name.equals("a.mp3") ? 1 : 2;
                m.accountId = account;
                m.folder = "Old";
                m.name = name;
                m.kind = "audio";
                m.searchText = name;
                em.persist(m);
            }
            return null;
        });
        MediaLibraryImpl library = library();
        Caller dj = Caller.console(account, "dj");
        long before = library.changes(account);
        library.update(dj, 1, new MediaFileChanges(null, "New Artist", null, null, null, null, null));
        long tagged = library.changes(account);
        assertTrue(tagged > before, "a tag edit");
        library.moveFolder(dj, account, "Old", "New");
        long moved = library.changes(account);
        assertTrue(moved > tagged, "a folder moved");
        library.delete(dj, 2);
        assertTrue(library.changes(account) > moved, "a file deleted");
        assertEquals(0, library.changes(other), "another account's count stands");
    }

    private MediaLibraryImpl library() {
        Tenancy tenancy = new Tenancy() {
            @Override
            public AccountEntity visible(EntityManager em, Caller caller, long accountId) {
                return em.find(AccountEntity.class, accountId);
            }

            @Override
            public boolean manages(Caller caller, AccountEntity account) {
                return true;
            }

            @Override
            public AccountEntity governingReseller(EntityManager em, AccountEntity account) {
                return null;
            }

            @Override
            public Set<String> engineTypes(PlanEntity plan) {
                return Set.of();
            }

            @Override
            public PlanUsage usage(EntityManager em, AccountEntity reseller, PlanEntity plan) {
                return null;
            }

            @Override
            public void checkServiceFits(
                    EntityManager em, AccountEntity reseller, PlanEntity plan, MediaServiceEntity service) {}
        };
        ServiceDirectories directories = new ServiceDirectories() {
            @Override
            public Path serviceDirectory(long serviceId) {
                return content.resolve("services").resolve("service_" + serviceId);
            }

            @Override
            public Path contentDirectory(long ownerId) {
                return content.resolve("user_" + ownerId);
            }

            @Override
            public Path engineDirectory(String engineId) {
                return content.resolve("engines").resolve(engineId);
            }

            @Override
            public void deleteServiceDirectory(long serviceId) {}
        };
        AuditService audit = (AuditService) Proxy.newProxyInstance(
                AuditService.class.getClassLoader(), new Class<?>[] {AuditService.class}, (p, m, a) -> null);
        PanelEvents events = new PanelEvents() {
            @Override
            public void publish(Event event) {}

            @Override
            public AutoCloseable subscribe(Consumer<Event> listener) {
                return () -> {};
            }
        };
        MediaConfig config = (MediaConfig) Proxy.newProxyInstance(
                MediaConfig.class.getClassLoader(),
                new Class<?>[] {MediaConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        return new MediaLibraryImpl(store, tenancy, directories, audit, events, config);
    }
}
