/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.castpanel.accounts.api.Tenancy;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.media.api.LibraryUsage;
import org.castpanel.media.api.MediaUploads;
import org.castpanel.media.api.Upload;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaUploadEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumable uploads: the bytes go to {@code uploads/{id}.part} beside the content folders (never
 * inside a library, so SFTP and listings do not see half a file), the offset is kept in the
 * database as the bytes arrive, and a complete file is probed, then moved into the library in one
 * rename. The quota is claimed for the whole declared length when the upload is created.
 */
@Component(
        service = {MediaUploads.class, MediaUploadsImpl.class},
        configurationPid = "org.castpanel.media")
public class MediaUploadsImpl implements MediaUploads {

    private static final Logger LOG = LoggerFactory.getLogger(MediaUploadsImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1024 * 1024;
    /** How often a long PATCH saves its offset: a panel that dies mid-request resumes from the last one. */
    private static final long CHECKPOINT_BYTES = 64L * 1024 * 1024;

    private final Store store;
    private final Tenancy tenancy;
    private final MediaLibraryImpl library;
    private final AuditService audit;
    private final PanelEvents events;
    private final Map<String, Object> busy = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "castpanel-upload-sweeper");
        t.setDaemon(true);
        return t;
    });
    private volatile long maxBytes;
    private volatile long expiryMillis;

    @Activate
    public MediaUploadsImpl(
            final @Reference Store store,
            final @Reference Tenancy tenancy,
            final @Reference MediaLibraryImpl library,
            final @Reference AuditService audit,
            final @Reference PanelEvents events,
            final MediaConfig config) {
        this.store = store;
        this.tenancy = tenancy;
        this.library = library;
        this.audit = audit;
        this.events = events;
        modified(config);
        sweeper.scheduleWithFixedDelay(this::sweepExpired, 1, 60, TimeUnit.MINUTES);
    }

    @Modified
    void modified(MediaConfig config) {
        maxBytes = config.maxUploadMb() * 1024L * 1024L;
        expiryMillis = TimeUnit.HOURS.toMillis(Math.max(1, config.uploadExpiryHours()));
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public Upload create(Caller caller, long accountId, String folder, String name, long lengthBytes) {
        String checkedFolder = LibraryPaths.folder("folder", folder);
        String checkedName = LibraryPaths.name("name", name);
        if (lengthBytes <= 0) {
            throw CastPanelException.invalid(
                    "length", "an upload needs its length in bytes (Upload-Length), more than 0");
        }
        if (lengthBytes > maxBytes) {
            throw CastPanelException.invalid(
                    "length", "the largest file accepted is " + maxBytes / (1024 * 1024) + " MiB");
        }
        long id = store.read(em -> tenancy.visible(em, caller, accountId).id);
        synchronized (library.lock(id)) {
            Path target = LibraryPaths.resolve(library.root(id), LibraryPaths.join(checkedFolder, checkedName));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw CastPanelException.conflict(
                        "name",
                        "'" + LibraryPaths.join(checkedFolder, checkedName)
                                + "' exists already; delete or rename it first");
            }
            Upload upload = store.write(em -> {
                AccountEntity account = tenancy.visible(em, caller, id);
                LibraryUsage usage = library.usage(em, account);
                if (usage.availableBytes() != null && lengthBytes > usage.availableBytes()) {
                    throw CastPanelException.invalid(
                            "length",
                            "this file (" + mib(lengthBytes) + ") does not fit in the disk quota of "
                                    + mib(usage.quotaBytes()) + ": " + mib(usage.availableBytes()) + " left");
                }
                boolean pending = em.createQuery(
                                        "SELECT COUNT(u) FROM MediaUploadEntity u WHERE u.accountId = :a AND u.folder = :f AND u.name = :n",
                                        Long.class)
                                .setParameter("a", id)
                                .setParameter("f", checkedFolder)
                                .setParameter("n", checkedName)
                                .getSingleResult()
                        > 0;
                if (pending) {
                    throw CastPanelException.conflict(
                            "name",
                            "'" + LibraryPaths.join(checkedFolder, checkedName) + "' is being uploaded already");
                }
                MediaUploadEntity row = new MediaUploadEntity();
                byte[] token = new byte[16];
                RANDOM.nextBytes(token);
                row.id = HexFormat.of().formatHex(token);
                row.accountId = id;
                row.folder = checkedFolder;
                row.name = checkedName;
                row.lengthBytes = lengthBytes;
                row.createdBy = caller.accountId();
                row.createdAt = System.currentTimeMillis();
                row.expiresAt = row.createdAt + expiryMillis;
                em.persist(row);
                return toUpload(row, null);
            });
            try {
                Files.createDirectories(partFile(id, upload.id()).getParent());
                Files.write(partFile(id, upload.id()), new byte[0], StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return upload;
        }
    }

    @Override
    public Upload get(Caller caller, String uploadId) {
        return store.read(em -> toUpload(visible(caller, uploadId, em), null));
    }

    @Override
    public Upload append(Caller caller, String uploadId, long offset, InputStream body) {
        if (busy.putIfAbsent(uploadId, Thread.currentThread()) != null) {
            throw CastPanelException.conflict("this upload is receiving bytes on another connection");
        }
        try {
            MediaUploadEntity row = store.read(em -> visible(caller, uploadId, em));
            if (offset != row.offsetBytes) {
                throw CastPanelException.conflict(
                        "offset", "the upload is at byte " + row.offsetBytes + ", not " + offset + " (ask with HEAD)");
            }
            long received = receive(row, body);
            if (received < row.lengthBytes) {
                return toUpload(row, null);
            }
            return complete(caller, row);
        } finally {
            busy.remove(uploadId);
        }
    }

    /**
     * Copies the body to the part file from the upload's offset, saving the offset every 8 MiB
     * and when the body ends or the connection drops, so a dropped connection loses nothing that
     * arrived (and a panel killed mid-request at most the last 8 MiB). Never writes past the length.
     */
    private long receive(MediaUploadEntity row, InputStream body) {
        Path part = partFile(row.accountId, row.id);
        long position = row.offsetBytes;
        long saved = position;
        byte[] buffer = new byte[BUFFER];
        IOException dropped = null;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.truncate(position); // bytes past the saved offset were never confirmed
            channel.position(position);
            boolean ended = false;
            while (!ended && dropped == null) {
                // fill the buffer before writing: the network hands over a few KiB per read
                int n = 0;
                try {
                    while (n < buffer.length) {
                        int read = body.read(buffer, n, buffer.length - n);
                        if (read < 0) {
                            ended = true;
                            break;
                        }
                        n += read;
                    }
                } catch (IOException e) {
                    dropped = e; // what arrived before the drop is still written below
                }
                if (position + n > row.lengthBytes) {
                    throw CastPanelException.invalid(
                            "body", "more bytes than the upload's length (" + row.lengthBytes + ")");
                }
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buffer, 0, n);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                position += n;
                if (position - saved >= CHECKPOINT_BYTES) {
                    channel.force(false); // the offset saved never runs ahead of the bytes on disk
                    saveOffset(row.id, position);
                    saved = position;
                }
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            saveOffset(row.id, position);
            row.offsetBytes = position;
        }
        if (dropped != null) {
            LOG.debug("Upload {} dropped at byte {}: {}", row.id, position, dropped.getMessage());
        }
        return position;
    }

    private void saveOffset(String id, long offset) {
        store.write(em -> {
            MediaUploadEntity managed = em.find(MediaUploadEntity.class, id);
            if (managed != null) {
                managed.offsetBytes = offset;
            }
            return null;
        });
    }

    /** Probes the whole file: playable media moves into the library, anything else is refused and deleted. */
    private Upload complete(Caller caller, MediaUploadEntity row) {
        Path part = partFile(row.accountId, row.id);
        synchronized (library.lock(row.accountId)) {
            String path = LibraryPaths.join(row.folder, row.name);
            Path root = library.root(row.accountId);
            Path target = LibraryPaths.resolve(root, path);
            try {
                LibraryPaths.createDirectories(root, LibraryPaths.resolve(root, row.folder));
                Probe.Facts facts = library.probeFacts(part);
                if (facts.refusal() != null) {
                    forget(row.accountId, row.id);
                    failed(row, facts.refusal());
                    throw CastPanelException.invalid("file", "'" + row.name + "' was not stored: " + facts.refusal());
                }
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    forget(row.accountId, row.id);
                    failed(row, "'" + path + "' appeared meanwhile");
                    throw CastPanelException.conflict(
                            "name", "'" + path + "' exists already (it appeared while uploading)");
                }
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            MediaLibraryImpl.Indexed indexed = library.index(row.accountId, path);
            store.write(em -> {
                MediaUploadEntity managed = em.find(MediaUploadEntity.class, row.id);
                if (managed != null) {
                    em.remove(managed);
                }
                audit.record(caller, "media.upload", "account", row.accountId, library.pathOf(em, row.accountId), path);
                return null;
            });
            String ownerPath = store.read(em -> library.pathOf(em, row.accountId));
            events.publish(new PanelEvents.Event(
                    "media.uploaded",
                    ownerPath,
                    Map.of(
                            "accountId",
                            row.accountId,
                            "path",
                            path,
                            "fileId",
                            indexed.file().id())));
            return toUpload(row, indexed.file());
        }
    }

    private void failed(MediaUploadEntity row, String reason) {
        String ownerPath = store.read(em -> library.pathOf(em, row.accountId));
        events.publish(new PanelEvents.Event(
                "media.upload-failed",
                ownerPath,
                Map.of("accountId", row.accountId, "path", LibraryPaths.join(row.folder, row.name), "reason", reason)));
    }

    @Override
    public void cancel(Caller caller, String uploadId) {
        MediaUploadEntity row = store.read(em -> visible(caller, uploadId, em));
        forget(row.accountId, uploadId);
    }

    /** Deletes an upload's row and bytes. */
    private void forget(long accountId, String uploadId) {
        store.write(em -> {
            MediaUploadEntity managed = em.find(MediaUploadEntity.class, uploadId);
            if (managed != null) {
                em.remove(managed);
            }
            return null;
        });
        MediaLibraryImpl.deleteQuietly(partFile(accountId, uploadId));
    }

    /** Forgets uploads nobody finished in time (their quota claim goes with them). */
    void sweepExpired() {
        try {
            List<MediaUploadEntity> expired = store.read(em -> em.createQuery(
                            "SELECT u FROM MediaUploadEntity u WHERE u.expiresAt < :now", MediaUploadEntity.class)
                    .setParameter("now", System.currentTimeMillis())
                    .getResultList());
            expired.stream().filter(u -> !busy.containsKey(u.id)).forEach(u -> forget(u.accountId, u.id));
        } catch (RuntimeException e) {
            LOG.warn("Could not sweep expired uploads: {}", e.getMessage());
        }
    }

    /** Forgets every upload of an account (the account is gone). */
    void forgetAccount(long accountId) {
        store.read(em -> em.createQuery("SELECT u.id FROM MediaUploadEntity u WHERE u.accountId = :a", String.class)
                        .setParameter("a", accountId)
                        .getResultList())
                .forEach(id -> forget(accountId, id));
    }

    private MediaUploadEntity visible(Caller caller, String uploadId, javax.persistence.EntityManager em) {
        MediaUploadEntity row = uploadId == null || !uploadId.matches("[0-9a-f]{32}")
                ? null
                : em.find(MediaUploadEntity.class, uploadId);
        if (row == null) {
            throw CastPanelException.notFound("upload", uploadId == null ? "" : uploadId);
        }
        try {
            tenancy.visible(em, caller, row.accountId);
        } catch (CastPanelException e) {
            throw CastPanelException.notFound("upload", uploadId);
        }
        return row;
    }

    /** {@code uploads/} beside {@code content/}: outside every library. */
    private Path partFile(long accountId, String id) {
        return library.root(accountId)
                .getParent()
                .getParent()
                .resolve("uploads")
                .resolve(id + ".part");
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    private static Upload toUpload(MediaUploadEntity row, org.castpanel.media.api.MediaFile file) {
        return new Upload(row.id, row.accountId, row.folder, row.name, row.lengthBytes, row.offsetBytes, file);
    }
}
