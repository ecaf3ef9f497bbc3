/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.castpanel.autodj.api.PlaylistEntry;
import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.testing.InMemoryDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A playlist's entries as the library's playable tracks, on the real schema. */
class PlaylistResolveTest {

    private InMemoryDatabase db;
    private long nextId = 1;

    @BeforeEach
    void library() {
        db = new InMemoryDatabase();
        db.store().write(em -> {
            file(em, 7, "", "top.mp3", "audio");
            file(em, 7, "a_b", "one.mp3", "audio");
            file(em, 7, "a_b/deeper", "two.mp3", "audio");
            file(em, 7, "axb", "lookalike.mp3", "audio"); // matches a_b if _ were a wildcard
            file(em, 7, "a%", "percent.mp3", "audio");
            file(em, 7, "a_b", "film.mp4", "video");
            file(em, 8, "a_b", "someone-else.mp3", "audio");
            tagged(em, 9, "Ann", "Blue", "ann-blue-1.mp3", "audio");
            tagged(em, 9, " ann ", "Red", "ann-red.mp3", "audio");
            tagged(em, 9, "Bob", "Blue", "bob-blue.mp3", "audio");
            tagged(em, 9, "Ann", "Blue", "ann-blue-clip.mp4", "video");
            tagged(em, 10, "Ann", "Blue", "not-mine.mp3", "audio");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void file(javax.persistence.EntityManager em, long account, String folder, String name, String kind) {
        MediaFileEntity f = new MediaFileEntity();
        f.id = nextId++;
        f.accountId = account;
        f.folder = folder;
        f.name = name;
        f.kind = kind;
        f.searchText = name;
        f.artist = "artist of " + name;
        em.persist(f);
    }

    private void tagged(
            javax.persistence.EntityManager em, long account, String artist, String album, String name, String kind) {
        file(em, account, "tags", name, kind);
        MediaFileEntity f = em.find(MediaFileEntity.class, nextId - 1);
        f.album = album;
        f.title = "artist of " + name; // names() reads the name back from the artist; keep it there
        f.artist = artist;
    }

    private List<String> names(long account, PlaylistEntry... entries) {
        return db.store()
                .read(em -> AutoDjImpl.resolve(em, account, List.of(entries)).stream()
                        .map(c -> c.artist().substring("artist of ".length()))
                        .toList());
    }

    @Test
    void aFolderIsItselfAndEverythingBelowItNothingThatOnlyLooksAlike() {
        assertEquals(List.of("one.mp3", "two.mp3"), names(7, new PlaylistEntry("a_b", null)));
        assertEquals(List.of("percent.mp3"), names(7, new PlaylistEntry("a%", null)));
    }

    @Test
    void theWholeLibraryIsEveryAudioFileOfTheOwnerInLibraryOrderEachOnce() {
        assertEquals(
                List.of("top.mp3", "percent.mp3", "one.mp3", "two.mp3", "lookalike.mp3"),
                names(7, new PlaylistEntry("", null), new PlaylistEntry("a_b", null)));
    }

    @Test
    void aTrackEntryIsThatAudioFileOfTheOwnerOnly() {
        assertEquals(List.of("one.mp3"), names(7, new PlaylistEntry(null, 2L)));
        assertEquals(List.of(), names(8, new PlaylistEntry(null, 2L)), "another account's file");
        assertEquals(List.of(), names(7, new PlaylistEntry(null, 6L)), "a video");
    }

    private List<Long> ids(long account, PlaylistEntry entry) {
        return db.store()
                .read(em -> AutoDjImpl.resolve(em, account, List.of(entry)).stream()
                        .map(TrackPicker.Candidate::fileId)
                        .toList());
    }

    @Test
    void anArtistOrAlbumEntryIsTheOwnersAudioWithThatTagWithoutCase() {
        // ids 8-12: Ann/Blue, " ann "/Red, Bob/Blue, Ann/Blue video, another account's Ann/Blue
        assertEquals(List.of(8L, 9L), ids(9, new PlaylistEntry(null, null, "ANN", null)), "the artist, any case");
        assertEquals(List.of(8L, 10L), ids(9, new PlaylistEntry(null, null, null, "blue")), "the album by anyone");
        assertEquals(List.of(8L), ids(9, new PlaylistEntry(null, null, "Ann", "Blue")), "the album by that artist");
        assertEquals(List.of(), ids(9, new PlaylistEntry(null, null, "Cid", null)));
        assertEquals(List.of(12L), ids(10, new PlaylistEntry(null, null, "Ann", "Blue")), "only the owner's");
    }
}
