/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.autodj.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.castpanel.core.api.Caller;
import org.castpanel.engine.api.platform.LiveRecordings;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.media.api.LibraryUsage;
import org.castpanel.media.api.MediaFile;
import org.castpanel.media.api.MediaFileChanges;
import org.castpanel.media.api.MediaLibrary;
import org.castpanel.media.api.MediaQuery;
import org.castpanel.persistence.DjEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Live shows into the station owner's media library: folder {@code live-recordings}, named by the
 * date, time and the DJ's user name, tagged with the DJ as artist, so the AutoDJ can play a show
 * again. A recording the disk quota has no room for is deleted, and the history says so.
 */
@Component(service = LiveRecordings.class)
public class LiveRecordingsImpl implements LiveRecordings {

    static final String FOLDER = "live-recordings";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmm", Locale.ROOT);
    private static final DateTimeFormatter TITLE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);
    private static final Caller PANEL = Caller.system("autodj live recordings");

    private final Store store;
    private final ServiceDirectories directories;
    private final MediaLibrary library;
    private final DjsImpl djs;

    @Activate
    public LiveRecordingsImpl(
            final @Reference Store store,
            final @Reference ServiceDirectories directories,
            final @Reference MediaLibrary library,
            final @Reference DjsImpl djs) {
        this.store = store;
        this.directories = directories;
        this.library = library;
        this.djs = djs;
    }

    @Override
    public String recorded(long serviceId, Path file) {
        Path own = directories.serviceDirectory(serviceId).toAbsolutePath().normalize();
        Path recording = file.toAbsolutePath().normalize();
        if (!recording.startsWith(own) || !Files.isRegularFile(recording, LinkOption.NOFOLLOW_LINKS)) {
            return "a live recording was not kept: " + file.getFileName() + " is not a file of the station";
        }
        try {
            long bytes = Files.size(recording);
            MediaServiceEntity station = store.read(em -> em.find(MediaServiceEntity.class, serviceId));
            if (station == null || station.deleting || bytes == 0) {
                Files.delete(recording);
                return bytes == 0 ? "the live show's recording was empty" : "the station is gone";
            }
            Optional<DjsImpl.Live> dj = djs.lastLive(serviceId);
            String username = dj.map(l -> username(l.djId())).orElse("dj");
            LibraryUsage usage = library.usage(PANEL, station.ownerId);
            if (usage.availableBytes() != null && bytes > usage.availableBytes()) {
                Files.delete(recording);
                return String.format(
                        Locale.ROOT,
                        "the live show was not recorded: it takes %.1f MB and the disk quota leaves %.1f MB",
                        bytes / 1e6,
                        Math.max(0, usage.availableBytes()) / 1e6);
            }
            LocalDateTime ended = LocalDateTime.now();
            library.createFolder(PANEL, station.ownerId, FOLDER);
            Path folder = directories.contentDirectory(station.ownerId).resolve(FOLDER);
            String name = "live-" + NAME.format(ended) + "-" + username + ".mp3";
            for (int n = 2; Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS); n++) {
                name = "live-" + NAME.format(ended) + "-" + username + "-" + n + ".mp3";
            }
            Files.move(recording, folder.resolve(name));
            library.rescan(PANEL, station.ownerId);
            tag(station.ownerId, name, dj.map(DjsImpl.Live::name).orElse(null), ended);
            return String.format(
                    Locale.ROOT,
                    "the live show was recorded into the media library: %s/%s (%.1f MB)",
                    FOLDER,
                    name,
                    bytes / 1e6);
        } catch (IOException | RuntimeException e) {
            return "a live recording could not be kept: " + e.getMessage();
        }
    }

    private String username(long djId) {
        DjEntity dj = djId < 0 ? null : store.read(em -> em.find(DjEntity.class, djId));
        return dj == null ? "dj" : dj.username; // user names are a-z 0-9 . _ -: safe in a file name
    }

    /** The DJ as the artist and the show's time as the title, as listeners see it if it plays again. */
    private void tag(long ownerId, String name, String djName, LocalDateTime ended) {
        for (MediaFile f : library.list(PANEL, ownerId, new MediaQuery(FOLDER, name, null, false, 0, 10))
                .files()
                .items()) {
            if (f.name().equals(name)) {
                library.update(
                        PANEL,
                        f.id(),
                        new MediaFileChanges("Live show " + TITLE.format(ended), djName, null, null, null, null, null));
            }
        }
    }
}
