/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Playlists' tracks kept between tracks until the entries or the library change, on the real schema. */
class ResolvedPlaylistsTest {

    private static final String MUSIC = "[{\"folder\":\"music\"}]";
    private static final String JINGLES = "[{\"folder\":\"jingles\"}]";

    private InMemoryDatabase db;
    private long nextId = 1;

    @BeforeEach
    void library() {
        db = new InMemoryDatabase();
        add("music", "one.mp3");
        add("music", "two.mp3");
        add("jingles", "id.mp3");
        add("jingles", "top.mp3");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void add(String folder, String name) {
        db.store().write(em -> {
            MediaFileEntity f = new MediaFileEntity();
            f.id = nextId++;
            f.accountId = 7;
            f.folder = folder;
            f.name = name;
            f.kind = "audio";
            f.searchText = name;
            em.persist(f);
            return null;
        });
    }

    private List<Long> ids(ResolvedPlaylists resolved, String entries, long changes) {
        return db.store()
                .read(em -> resolved.tracks(em, 7, entries, changes).stream()
                        .map(TrackPicker.Candidate::fileId)
                        .toList());
    }

    @Test
    void aNewUploadJoinsOnceTheLibrarySaysItChangedAndNotBefore() {
        ResolvedPlaylists resolved = new ResolvedPlaylists(1_000);
        assertEquals(List.of(1L, 2L), ids(resolved, MUSIC, 0));
        add("music", "three.mp3"); // in the database, the library's count not moved yet
        assertEquals(List.of(1L, 2L), ids(resolved, MUSIC, 0), "kept while the count stands");
        assertEquals(List.of(1L, 5L, 2L), ids(resolved, MUSIC, 1), "read again once it moved (in name order)");
    }

    @Test
    void playlistsWithTheSameEntriesShareOneListAndOtherEntriesAreTheirOwn() {
        ResolvedPlaylists resolved = new ResolvedPlaylists(1_000);
        List<TrackPicker.Candidate> first = db.store().read(em -> resolved.tracks(em, 7, MUSIC, 0));
        assertSame(first, db.store().read(em -> resolved.tracks(em, 7, MUSIC, 0)));
        assertEquals(List.of(3L, 4L), ids(resolved, JINGLES, 0));
        assertEquals(List.of(), db.store().read(em -> resolved.tracks(em, 8, MUSIC, 0)), "another owner's library");
        assertEquals(3, resolved.lists());
    }

    @Test
    void theLeastRecentlyUsedListGoesWhenTheBoundIsPassed() {
        ResolvedPlaylists resolved = new ResolvedPlaylists(3);
        ids(resolved, MUSIC, 0);
        ids(resolved, JINGLES, 0); // 4 tracks held: music, the older, goes
        assertEquals(1, resolved.lists());
        add("music", "three.mp3");
        assertEquals(List.of(1L, 5L, 2L), ids(resolved, MUSIC, 0), "read again, not kept");
    }
}
