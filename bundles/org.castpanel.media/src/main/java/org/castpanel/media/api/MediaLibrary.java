/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.api;

import java.nio.file.Path;
import java.util.Optional;

import org.castpanel.core.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A customer's library as its owner and the accounts above it see it. Another customer's
 * library or file answers 404; every name and folder is checked and kept inside the library (no
 * "..", no absolute paths, no control characters, no symbolic links out of it).
 */
@ProviderType
public interface MediaLibrary {

    MediaListing list(Caller caller, long accountId, MediaQuery query);

    MediaFile get(Caller caller, long fileId);

    MediaFile update(Caller caller, long fileId, MediaFileChanges changes);

    void delete(Caller caller, long fileId);

    /** The file on disk, for a download or a preview. */
    Path file(Caller caller, long fileId);

    Optional<Cover> cover(Caller caller, long fileId);

    /** Creates a folder (and the folders above it); an existing one is no error. */
    String createFolder(Caller caller, long accountId, String folder);

    /** Renames or moves a folder with everything in it; {@code to} must not exist yet. */
    String moveFolder(Caller caller, long accountId, String from, String to);

    /** Deletes a folder and every file in it. */
    void deleteFolder(Caller caller, long accountId, String folder);

    /**
     * Brings the index in line with the files: new and changed files probed, missing ones
     * dropped, files that are not playable media left out (and counted).
     */
    RescanResult rescan(Caller caller, long accountId);

    LibraryUsage usage(Caller caller, long accountId);

    /**
     * A count that grows with every committed change of the account's files (added, removed,
     * renamed, moved, tags edited), for the panel's own caches of what the library holds (the
     * AutoDJ's playlists); counted by this process since it started.
     */
    long changes(long accountId);

    /** What a rescan did. */
    record RescanResult(int added, int updated, int removed, int unplayable, int unchanged) {}
}
