/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.castpanel.accounts.api.Tenancy;
import org.castpanel.core.api.AuditService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Page;
import org.castpanel.core.api.Paging;
import org.castpanel.core.api.PanelEvents;
import org.castpanel.core.api.Validation;
import org.castpanel.engine.api.Recordings;
import org.castpanel.engine.api.platform.ConfigFiles;
import org.castpanel.engine.api.platform.ServiceDirectories;
import org.castpanel.media.api.Cover;
import org.castpanel.media.api.LibraryUsage;
import org.castpanel.media.api.MediaFile;
import org.castpanel.media.api.MediaFileChanges;
import org.castpanel.media.api.MediaLibrary;
import org.castpanel.media.api.MediaListing;
import org.castpanel.media.api.MediaQuery;
import org.castpanel.persistence.AccountEntity;
import org.castpanel.persistence.MediaFileEntity;
import org.castpanel.persistence.MediaServiceEntity;
import org.castpanel.persistence.MediaWordEntity;
import org.castpanel.persistence.PlanEntity;
import org.castpanel.persistence.Store;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library index over {@code content/user_{id}/}. The files are the truth (a rescan rebuilds
 * the index from them); the rows add what ffprobe read and what the customer edited. Changes to
 * one account's files are serialised, so an upload, an SFTP write and a rescan never index the
 * same path twice.
 */
@Component(
        service = {MediaLibrary.class, MediaLibraryImpl.class},
        configurationPid = "org.castpanel.media")
@Designate(ocd = MediaConfig.class)
public class MediaLibraryImpl implements MediaLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLibraryImpl.class);
    private static final long MIB = 1024L * 1024L;
    /** How far a search word's matches are counted to find the rarest word (a driving word past it is slow anyway). */
    private static final int RARITY_CAP = 10_000;
    /** From this offset a page is read as a deferred join (ids from the index, then the rows). */
    private static final long DEFERRED_JOIN_OFFSET = 1_000;

    private static final Map<String, String> SORTS = Map.of(
            "name", "m.name",
            "title", "m.title",
            "artist", "m.artist",
            "album", "m.album",
            "duration", "m.durationMs",
            "size", "m.sizeBytes",
            "added", "m.createdAt");

    private final Store store;
    private final Tenancy tenancy;
    private final ServiceDirectories directories;
    private final AuditService audit;
    private final PanelEvents events;
    private final Map<Long, Object> accountLocks = new ConcurrentHashMap<>();
    private final Map<Long, long[]> totals = new ConcurrentHashMap<>();
    /** "accountId/folder" to {count, generation}; stale entries are recounted, never trusted. */
    private final Map<String, long[]> folderTotals = new ConcurrentHashMap<>();

    private final Map<Long, java.util.concurrent.atomic.AtomicLong> totalsGeneration = new ConcurrentHashMap<>();
    private volatile Probe probe;

    @Activate
    public MediaLibraryImpl(
            final @Reference Store store,
            final @Reference Tenancy tenancy,
            final @Reference ServiceDirectories directories,
            final @Reference AuditService audit,
            final @Reference PanelEvents events,
            final MediaConfig config) {
        this.store = store;
        this.tenancy = tenancy;
        this.directories = directories;
        this.audit = audit;
        this.events = events;
        modified(config);
    }

    @Modified
    void modified(MediaConfig config) {
        this.probe = new Probe(config.ffprobe(), config.ffmpeg());
    }

    // ---- reading

    @Override
    public MediaListing list(Caller caller, long accountId, MediaQuery query) {
        int size = Paging.size(query.size());
        int page = Paging.page(query.page());
        String sort = SORTS.get(query.sort() == null || query.sort().isBlank() ? "name" : query.sort());
        if (sort == null) {
            throw CastPanelException.badRequest("sort", "sort by one of " + String.join(", ", SORTS.keySet()));
        }
        boolean search = query.q() != null && !query.q().isBlank();
        String direction = query.descending() ? " DESC" : " ASC";
        // a folder's names are unique, so a name sort needs no tie-break; another sort (or a search
        // across folders) breaks ties by id in the same direction: the order of one of the indexes
        String order = sort.equals("m.name") && !search ? sort + direction : sort + direction + ", m.id" + direction;
        String folder = search ? "" : LibraryPaths.folder("folder", query.folder());
        return store.read(em -> {
            AccountEntity account = tenancy.visible(em, caller, accountId);
            Path root = root(account.id);
            List<String> folders = List.of();
            List<String> tokens = search ? bySelectivity(em, account.id, words(query.q())) : List.of();
            String where = "m.accountId = :a AND " + (search ? searchCondition(tokens) : "m.folder = :f");
            if (!search) {
                Path dir = LibraryPaths.resolve(root, folder);
                if (!LibraryPaths.isDirectory(dir)) {
                    throw CastPanelException.notFound("folder", folder);
                }
                folders = subfolders(dir);
            }
            // from offset 1,000 a deferred join: the page's ids from the index alone, then those rows
            boolean deep = (long) page * size >= DEFERRED_JOIN_OFFSET;
            Class<?> selected = deep ? Long.class : MediaFileEntity.class;
            TypedQuery<?> rows = em.createQuery(
                    "SELECT " + (deep ? "m.id" : "m") + " FROM MediaFileEntity m WHERE " + where + " ORDER BY " + order,
                    selected);
            TypedQuery<Long> count =
                    em.createQuery("SELECT COUNT(m) FROM MediaFileEntity m WHERE " + where, Long.class);
            for (TypedQuery<?> q : List.of(rows, count)) {
                q.setParameter("a", account.id);
                if (search && tokens.isEmpty()) {
                    q.setParameter("q", Paging.likeContains(query.q().strip().toLowerCase(Locale.ROOT)));
                } else if (search) {
                    for (int i = 0; i < tokens.size(); i++) {
                        q.setParameter("t" + i, Paging.likePrefix(tokens.get(i)));
                    }
                } else {
                    q.setParameter("f", folder);
                }
            }
            List<?> found = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
            List<MediaFile> files = (deep ? byIds(em, found) : found)
                    .stream().map(row -> toFile((MediaFileEntity) row)).toList();
            // a folder's total is kept between changes like the library's; a search's is counted
            long total = search ? count.getSingleResult() : folderTotal(account.id, folder, count::getSingleResult);
            return new MediaListing(folder, folders, new Page<>(files, page, size, total), usage(em, account));
        });
    }

    /**
     * Files having, for every word of the query, a word that begins with it: driven from the
     * rarest word through the word index, the others checked per file. A query of no words at
     * all (punctuation) falls back to a plain substring match.
     */
    private static String searchCondition(List<String> tokens) {
        if (tokens.isEmpty()) {
            return "m.searchText LIKE :q";
        }
        StringBuilder where = new StringBuilder(
                "m.id IN (SELECT w0.fileId FROM MediaWordEntity w0 WHERE w0.accountId = :a AND w0.word LIKE :t0)");
        for (int i = 1; i < tokens.size(); i++) {
            where.append(" AND EXISTS (SELECT w")
                    .append(i)
                    .append(".fileId FROM MediaWordEntity w")
                    .append(i)
                    .append(" WHERE w")
                    .append(i)
                    .append(".fileId = m.id AND w")
                    .append(i)
                    .append(".word LIKE :t")
                    .append(i)
                    .append(")");
        }
        return where.toString();
    }

    /**
     * The query's words, rarest first, at most eight. Rarity is counted up to 10,000 matches (ids
     * read from the index, no rows): enough to pick the driving word without reading every entry
     * of a word every file has.
     */
    private static List<String> bySelectivity(EntityManager em, long accountId, Set<String> words) {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words.stream().limit(8).toList()) {
            counts.put(
                    word,
                    em.createQuery(
                                    "SELECT w.fileId FROM MediaWordEntity w WHERE w.accountId = :a AND w.word LIKE :t",
                                    Long.class)
                            .setParameter("a", accountId)
                            .setParameter("t", Paging.likePrefix(word))
                            .setMaxResults(RARITY_CAP)
                            .getResultList()
                            .size());
        }
        return counts.keySet().stream()
                .sorted(Comparator.comparing((String w) -> counts.get(w)).thenComparing(w -> -w.length()))
                .toList();
    }

    /** The lower-case words of a text as the search index keeps them: letters and digits, at most 64 each. */
    static Set<String> words(String text) {
        Set<String> words = new java.util.LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word.length() > 64 ? word.substring(0, 64) : word);
            }
        }
        return words;
    }

    /** Replaces a file's words in the search index (inside the change's transaction). */
    private static void reindexWords(EntityManager em, MediaFileEntity row) {
        dropWords(em, row.id);
        for (String word : words(row.searchText)) {
            em.persist(new MediaWordEntity(row.accountId, word, row.id));
        }
    }

    private static void dropWords(EntityManager em, long fileId) {
        em.createQuery("DELETE FROM MediaWordEntity w WHERE w.fileId = :f")
                .setParameter("f", fileId)
                .executeUpdate();
    }

    private static List<String> subfolders(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(LibraryPaths::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public MediaFile get(Caller caller, long fileId) {
        return store.read(em -> toFile(visibleFile(em, caller, fileId)));
    }

    @Override
    public Path file(Caller caller, long fileId) {
        MediaFileEntity row = store.read(em -> visibleFile(em, caller, fileId));
        Path file = LibraryPaths.resolve(root(row.accountId), LibraryPaths.join(row.folder, row.name));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw CastPanelException.notFound("media file", fileId);
        }
        return file;
    }

    @Override
    public Optional<Cover> cover(Caller caller, long fileId) {
        MediaFileEntity row = store.read(em -> visibleFile(em, caller, fileId));
        return row.hasCover ? probe.cover(file(caller, fileId)) : Optional.empty();
    }

    @Override
    public LibraryUsage usage(Caller caller, long accountId) {
        return store.read(em -> usage(em, tenancy.visible(em, caller, accountId)));
    }

    /**
     * Library files and the account's services' recordings against the quota: the sum of its
     * services' disk quotas; with no service, or one without a limit, the governing reseller plan's.
     */
    LibraryUsage usage(EntityManager em, AccountEntity account) {
        long[] files = totals(em, account.id);
        long reserved = em.createQuery(
                        "SELECT COALESCE(SUM(u.lengthBytes), 0) FROM MediaUploadEntity u WHERE u.accountId = :a",
                        Number.class)
                .setParameter("a", account.id)
                .getSingleResult()
                .longValue(); // SUM is a BigDecimal on some databases
        List<MediaServiceEntity> services = em.createQuery(
                        "SELECT s FROM MediaServiceEntity s WHERE s.ownerId = :a", MediaServiceEntity.class)
                .setParameter("a", account.id)
                .getResultList();
        long used = files[1];
        Long quotaMb = 0L;
        for (MediaServiceEntity s : services) {
            used += recordingBytes(s.id);
            quotaMb = s.diskQuotaMb == null || quotaMb == null ? null : quotaMb + s.diskQuotaMb;
        }
        if (services.isEmpty() || quotaMb == null) {
            AccountEntity reseller = tenancy.governingReseller(em, account);
            PlanEntity plan = reseller == null || reseller.resellerPlanId == null
                    ? null
                    : em.find(PlanEntity.class, reseller.resellerPlanId);
            quotaMb = plan == null ? null : plan.diskQuotaMb;
        }
        Long quota = quotaMb == null ? null : quotaMb * MIB;
        Long available = quota == null ? null : Math.max(0, quota - used - reserved);
        return new LibraryUsage(used, reserved, quota, available, files[0]);
    }

    /**
     * Files and bytes of a library, remembered between changes: every listing shows them, and
     * counting 50,000 rows each time cost more than the page itself. A value computed while a
     * change landed is not kept (the generation moved on).
     */
    private long[] totals(EntityManager em, long accountId) {
        long generation = totalsGeneration
                .computeIfAbsent(accountId, id -> new java.util.concurrent.atomic.AtomicLong())
                .get();
        long[] known = totals.get(accountId);
        if (known != null && known[2] == generation) {
            return known;
        }
        Object[] row = em.createQuery(
                        "SELECT COUNT(m), COALESCE(SUM(m.sizeBytes), 0) FROM MediaFileEntity m WHERE m.accountId = :a",
                        Object[].class)
                .setParameter("a", accountId)
                .getSingleResult();
        long[] counted = {((Number) row[0]).longValue(), ((Number) row[1]).longValue(), generation};
        if (totalsGeneration.get(accountId).get() == generation) {
            totals.put(accountId, counted);
        }
        return counted;
    }

    /** Rows by id, in the order of the ids. */
    private static List<MediaFileEntity> byIds(EntityManager em, List<?> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, MediaFileEntity> rows = new HashMap<>();
        em.createQuery("SELECT m FROM MediaFileEntity m WHERE m.id IN :ids", MediaFileEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(m -> rows.put(m.id, m));
        return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The number of files of one folder, remembered between changes of the account's files. */
    private long folderTotal(long accountId, String folder, java.util.function.Supplier<Long> count) {
        long generation = totalsGeneration
                .computeIfAbsent(accountId, id -> new java.util.concurrent.atomic.AtomicLong())
                .get();
        String key = accountId + "/" + folder;
        long[] known = folderTotals.get(key);
        if (known != null && known[1] == generation) {
            return known[0];
        }
        long counted = count.get();
        if (totalsGeneration.get(accountId).get() == generation) {
            folderTotals.put(key, new long[] {counted, generation});
        }
        return counted;
    }

    /** After a change of an account's files has committed. */
    private void recount(long accountId) {
        totalsGeneration
                .computeIfAbsent(accountId, id -> new java.util.concurrent.atomic.AtomicLong())
                .incrementAndGet();
        totals.remove(accountId);
    }

    private long recordingBytes(long serviceId) {
        Path folder = Recordings.folder(directories.serviceDirectory(serviceId));
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    // ---- changing

    @Override
    public MediaFile update(Caller caller, long fileId, MediaFileChanges changes) {
        String title = changes.title() == null ? null : Validation.text("title", changes.title(), 300);
        String artist = changes.artist() == null ? null : Validation.text("artist", changes.artist(), 300);
        String album = changes.album() == null ? null : Validation.text("album", changes.album(), 300);
        String genre = changes.genre() == null ? null : Validation.text("genre", changes.genre(), 100);
        if (changes.year() != null && (changes.year() < 0 || changes.year() > 9999)) {
            throw CastPanelException.invalid("year", "a year is between 0 and 9999");
        }
        String name = changes.name() == null ? null : LibraryPaths.name("name", changes.name());
        String folder = changes.folder() == null ? null : LibraryPaths.folder("folder", changes.folder());
        long accountId = store.read(em -> visibleFile(em, caller, fileId).accountId);
        synchronized (lock(accountId)) {
            MediaFile updated = store.write(em -> {
                MediaFileEntity row = visibleFile(em, caller, fileId);
                boolean tags =
                        title != null || artist != null || album != null || genre != null || changes.year() != null;
                if (title != null) row.title = blankToNull(title);
                if (artist != null) row.artist = blankToNull(artist);
                if (album != null) row.album = blankToNull(album);
                if (genre != null) row.genre = blankToNull(genre);
                if (changes.year() != null) row.year = changes.year() == 0 ? null : changes.year();
                row.tagsEdited |= tags;
                String toFolder = folder == null ? row.folder : folder;
                String toName = name == null ? row.name : name;
                if (!toFolder.equals(row.folder) || !toName.equals(row.name)) {
                    move(em, row, toFolder, toName);
                }
                row.searchText = searchText(row);
                reindexWords(em, row);
                row.updatedAt = System.currentTimeMillis();
                audit.record(
                        caller,
                        "media.update",
                        "media",
                        row.id,
                        pathOf(em, row.accountId),
                        LibraryPaths.join(row.folder, row.name));
                return toFile(row);
            });
            changed(accountId, "updated", updated.path());
            return updated;
        }
    }

    private void move(EntityManager em, MediaFileEntity row, String toFolder, String toName) {
        Path root = root(row.accountId);
        Path from = LibraryPaths.resolve(root, LibraryPaths.join(row.folder, row.name));
        Path dir = LibraryPaths.resolve(root, toFolder);
        if (!LibraryPaths.isDirectory(dir)) {
            throw CastPanelException.invalid("folder", "there is no folder '" + toFolder + "'");
        }
        Path to = LibraryPaths.resolve(root, LibraryPaths.join(toFolder, toName));
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw CastPanelException.conflict("name", "'" + LibraryPaths.join(toFolder, toName) + "' exists already");
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.folder = toFolder;
        row.name = toName;
    }

    @Override
    public void delete(Caller caller, long fileId) {
        long accountId = store.read(em -> visibleFile(em, caller, fileId).accountId);
        synchronized (lock(accountId)) {
            String path = store.write(em -> {
                MediaFileEntity row = visibleFile(em, caller, fileId);
                String p = LibraryPaths.join(row.folder, row.name);
                dropWords(em, row.id);
                em.remove(row);
                audit.record(caller, "media.delete", "media", row.id, pathOf(em, row.accountId), p);
                deleteQuietly(LibraryPaths.resolve(root(row.accountId), p));
                return p;
            });
            recount(accountId);
            changed(accountId, "deleted", path);
        }
    }

    @Override
    public String createFolder(Caller caller, long accountId, String folder) {
        String path = namedFolder(folder, "a folder name is needed");
        long id = visibleAccount(caller, accountId);
        synchronized (lock(id)) {
            Path root = root(id);
            Path dir = LibraryPaths.resolve(root, path);
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !LibraryPaths.isDirectory(dir)) {
                throw CastPanelException.conflict("folder", "'" + path + "' is a file");
            }
            LibraryPaths.createDirectories(root, dir);
            audit.record(caller, "media.folder-create", "account", id, path);
        }
        changed(id, "folder", path);
        return path;
    }

    @Override
    public String moveFolder(Caller caller, long accountId, String from, String to) {
        String source = LibraryPaths.folder("from", from);
        String target = LibraryPaths.folder("to", to);
        if (source.isEmpty() || target.isEmpty()) {
            throw CastPanelException.invalid(source.isEmpty() ? "from" : "to", "the top folder cannot be moved");
        }
        if (target.equals(source) || target.startsWith(source + "/")) {
            throw CastPanelException.invalid("to", "a folder cannot move into itself");
        }
        long id = visibleAccount(caller, accountId);
        synchronized (lock(id)) {
            Path root = root(id);
            Path sourceDir = LibraryPaths.resolve(root, source);
            Path targetDir = LibraryPaths.resolve(root, target);
            if (!LibraryPaths.isDirectory(sourceDir)) {
                throw CastPanelException.notFound("folder", source);
            }
            if (Files.exists(targetDir, LinkOption.NOFOLLOW_LINKS)) {
                throw CastPanelException.conflict("to", "'" + target + "' exists already");
            }
            if (!LibraryPaths.isDirectory(LibraryPaths.resolve(root, LibraryPaths.parent(target)))) {
                throw CastPanelException.invalid("to", "there is no folder '" + LibraryPaths.parent(target) + "'");
            }
            store.write(em -> {
                for (MediaFileEntity row : inFolder(em, id, source)) {
                    row.folder = target + row.folder.substring(source.length());
                    row.updatedAt = System.currentTimeMillis();
                }
                try {
                    Files.move(sourceDir, targetDir, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                audit.record(caller, "media.folder-move", "account", id, source + " -> " + target);
                return null;
            });
        }
        changed(id, "folder", target);
        return target;
    }

    @Override
    public void deleteFolder(Caller caller, long accountId, String folder) {
        String path = namedFolder(folder, "the top folder cannot be deleted");
        long id = visibleAccount(caller, accountId);
        synchronized (lock(id)) {
            Path dir = LibraryPaths.resolve(root(id), path);
            if (!LibraryPaths.isDirectory(dir)) {
                throw CastPanelException.notFound("folder", path);
            }
            store.write(em -> {
                for (MediaFileEntity row : inFolder(em, id, path)) {
                    dropWords(em, row.id);
                    em.remove(row);
                }
                audit.record(caller, "media.folder-delete", "account", id, path);
                return null;
            });
            deleteTree(dir);
            recount(id);
        }
        changed(id, "folder", path);
    }

    /** A checked folder path that is not the top; 422 with {@code top} when it is. */
    private static String namedFolder(String folder, String top) {
        String path = LibraryPaths.folder("folder", folder);
        if (path.isEmpty()) {
            throw CastPanelException.invalid("folder", top);
        }
        return path;
    }

    /** The account's id if the caller may see it (404 otherwise). */
    private long visibleAccount(Caller caller, long accountId) {
        return store.read(em -> tenancy.visible(em, caller, accountId).id);
    }

    private static List<MediaFileEntity> inFolder(EntityManager em, long accountId, String folder) {
        return em.createQuery(
                        "SELECT m FROM MediaFileEntity m WHERE m.accountId = :a AND (m.folder = :f OR m.folder LIKE :p)",
                        MediaFileEntity.class)
                .setParameter("a", accountId)
                .setParameter("f", folder)
                .setParameter("p", Paging.likePrefix(folder + "/"))
                .getResultList();
    }

    // ---- indexing

    @Override
    public RescanResult rescan(Caller caller, long accountId) {
        long id = visibleAccount(caller, accountId);
        RescanResult result = rescan(id);
        audit.record(caller, "media.rescan", "account", id, result.toString());
        return result;
    }

    /** The whole library of an account: files not followed through symbolic links, hidden ones skipped. */
    RescanResult rescan(long accountId) {
        synchronized (lock(accountId)) {
            Path root = root(accountId);
            Map<String, BasicFileAttributes> onDisk = new HashMap<>();
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        return !dir.equals(root) && dir.getFileName().toString().startsWith(".")
                                ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()
                                && !file.getFileName().toString().startsWith(".")) {
                            onDisk.put(LibraryPaths.relative(root, file), attrs);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, MediaFileEntity> indexed = new HashMap<>();
            store.read(em -> em.createQuery(
                                    "SELECT m FROM MediaFileEntity m WHERE m.accountId = :a", MediaFileEntity.class)
                            .setParameter("a", accountId)
                            .getResultList())
                    .forEach(m -> indexed.put(LibraryPaths.join(m.folder, m.name), m));
            int added = 0, updated = 0, removed = 0, unplayable = 0, unchanged = 0;
            for (Map.Entry<String, BasicFileAttributes> e : onDisk.entrySet()) {
                MediaFileEntity row = indexed.remove(e.getKey());
                if (row != null
                        && row.sizeBytes == e.getValue().size()
                        && row.modifiedAt == e.getValue().lastModifiedTime().toMillis()) {
                    unchanged++;
                    continue;
                }
                Indexed result = indexLocked(accountId, e.getKey());
                if (result.refusal() != null) {
                    unplayable++;
                } else if (row == null) {
                    added++;
                } else {
                    updated++;
                }
            }
            if (!indexed.isEmpty()) {
                store.write(em -> {
                    for (MediaFileEntity gone : indexed.values()) {
                        MediaFileEntity managed = em.find(MediaFileEntity.class, gone.id);
                        if (managed != null) {
                            dropWords(em, managed.id);
                            em.remove(managed);
                        }
                    }
                    return null;
                });
                removed = indexed.size();
                recount(accountId);
            }
            if (added + updated + removed > 0) {
                changed(accountId, "rescanned", "");
            }
            return new RescanResult(added, updated, removed, unplayable, unchanged);
        }
    }

    /** What indexing one file gave: the row, or why the file is not playable media. */
    record Indexed(MediaFile file, String refusal) {}

    /** Probes one file of the library (a checked path) and adds or updates its row. */
    Indexed index(long accountId, String path) {
        synchronized (lock(accountId)) {
            return indexLocked(accountId, path);
        }
    }

    private Indexed indexLocked(long accountId, String path) {
        Path file = LibraryPaths.resolve(root(accountId), path);
        Probe.Facts facts = probe.facts(file);
        if (facts.refusal() != null) {
            store.write(em -> {
                em.createQuery("DELETE FROM MediaWordEntity w WHERE w.fileId IN (SELECT m.id FROM MediaFileEntity m"
                                + " WHERE m.accountId = :a AND m.folder = :f AND m.name = :n)")
                        .setParameter("a", accountId)
                        .setParameter("f", LibraryPaths.parent(path))
                        .setParameter("n", file.getFileName().toString())
                        .executeUpdate();
                em.createQuery("DELETE FROM MediaFileEntity m WHERE m.accountId = :a AND m.folder = :f AND m.name = :n")
                        .setParameter("a", accountId)
                        .setParameter("f", LibraryPaths.parent(path))
                        .setParameter("n", file.getFileName().toString())
                        .executeUpdate();
                return null;
            });
            recount(accountId);
            return new Indexed(null, facts.refusal());
        }
        Double loudness = facts.kind().equals("audio") ? probe.loudness(file).orElse(null) : null;
        long size;
        long modified;
        try {
            size = Files.size(file);
            modified =
                    Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaFile saved = store.write(em -> {
            String folder = LibraryPaths.parent(path);
            String name = file.getFileName().toString();
            MediaFileEntity row = em.createQuery(
                            "SELECT m FROM MediaFileEntity m WHERE m.accountId = :a AND m.folder = :f AND m.name = :n",
                            MediaFileEntity.class)
                    .setParameter("a", accountId)
                    .setParameter("f", folder)
                    .setParameter("n", name)
                    .getResultStream()
                    .findFirst()
                    .orElse(null);
            long now = System.currentTimeMillis();
            if (row == null) {
                row = new MediaFileEntity();
                row.id = store.nextId("cp_media_file");
                row.accountId = accountId;
                row.folder = folder;
                row.name = name;
                row.createdAt = now;
                em.persist(row);
            }
            row.kind = facts.kind();
            row.sizeBytes = size;
            row.modifiedAt = modified;
            row.format = facts.format();
            row.codec = facts.codec();
            row.durationMs = facts.durationMs();
            row.bitrateKbps = facts.bitrateKbps();
            row.sampleRate = facts.sampleRate();
            row.channels = facts.channels();
            row.width = facts.width();
            row.height = facts.height();
            row.hasCover = facts.hasCover();
            row.loudnessLufs = loudness;
            if (!row.tagsEdited) {
                row.title = facts.title();
                row.artist = facts.artist();
                row.album = facts.album();
                row.genre = facts.genre();
                row.year = facts.year();
            }
            row.searchText = searchText(row);
            reindexWords(em, row);
            row.updatedAt = now;
            return toFile(row);
        });
        recount(accountId);
        return new Indexed(saved, null);
    }

    /** Usage without a caller, for the SFTP server's quota (the account logged in as itself). */
    LibraryUsage usage(long accountId) {
        return store.read(em -> {
            AccountEntity account = em.find(AccountEntity.class, accountId);
            return account == null ? new LibraryUsage(0, 0, 0L, 0L, 0) : usage(em, account);
        });
    }

    /**
     * A file that arrived outside the upload API (over SFTP): indexed, or deleted when it is not
     * playable media; the event stream tells the library's page which.
     */
    void received(long accountId, String path, String via) {
        Indexed indexed;
        try {
            indexed = index(accountId, path);
        } catch (RuntimeException e) {
            LOG.warn("Could not index {} of account {} ({}): {}", path, accountId, via, e.getMessage());
            return;
        }
        String ownerPath = store.read(em -> pathOf(em, accountId));
        if (indexed.refusal() != null) {
            deleteQuietly(LibraryPaths.resolve(root(accountId), path));
            LOG.info("Deleted {} of account {} ({}): {}", path, accountId, via, indexed.refusal());
            events.publish(new PanelEvents.Event(
                    "media.upload-failed",
                    ownerPath,
                    Map.of("accountId", accountId, "path", path, "reason", indexed.refusal(), "via", via)));
        } else {
            events.publish(new PanelEvents.Event(
                    "media.uploaded",
                    ownerPath,
                    Map.of(
                            "accountId",
                            accountId,
                            "path",
                            path,
                            "fileId",
                            indexed.file().id(),
                            "via",
                            via)));
        }
    }

    Probe.Facts probeFacts(Path file) {
        return probe.facts(file);
    }

    /** Removes every row and file of an account's library (the account is gone). */
    void deleteLibrary(long accountId) {
        synchronized (lock(accountId)) {
            store.write(em -> {
                em.createQuery("DELETE FROM MediaWordEntity w WHERE w.accountId = :a")
                        .setParameter("a", accountId)
                        .executeUpdate();
                return em.createQuery("DELETE FROM MediaFileEntity m WHERE m.accountId = :a")
                        .setParameter("a", accountId)
                        .executeUpdate();
            });
            deleteTree(directories.contentDirectory(accountId));
            recount(accountId);
        }
        accountLocks.remove(accountId);
        totalsGeneration.remove(accountId);
        folderTotals.keySet().removeIf(key -> key.startsWith(accountId + "/"));
    }

    // ---- helpers

    Path root(long accountId) {
        return directories.contentDirectory(accountId);
    }

    Object lock(long accountId) {
        return accountLocks.computeIfAbsent(accountId, id -> new Object());
    }

    MediaFileEntity visibleFile(EntityManager em, Caller caller, long fileId) {
        MediaFileEntity row = em.find(MediaFileEntity.class, fileId);
        if (row == null) {
            throw CastPanelException.notFound("media file", fileId);
        }
        try {
            tenancy.visible(em, caller, row.accountId);
        } catch (CastPanelException e) {
            throw CastPanelException.notFound("media file", fileId); // another tenant's file does not exist
        }
        return row;
    }

    String pathOf(EntityManager em, long accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        return account == null ? null : account.path;
    }

    /** Tells the account's subtree (its library pages) and the panel's caches that something changed. */
    void changed(long accountId, String what, String path) {
        String ownerPath = store.read(em -> pathOf(em, accountId));
        store.afterCommit(() -> {
            recount(accountId);
            events.publish(new PanelEvents.Event(
                    "media.changed", ownerPath, Map.of("accountId", accountId, "change", what, "path", path)));
        });
    }

    @Override
    public long changes(long accountId) {
        java.util.concurrent.atomic.AtomicLong count = totalsGeneration.get(accountId);
        return count == null ? 0 : count.get();
    }

    static String searchText(MediaFileEntity row) {
        String text = String.join(
                        "\n",
                        row.title == null ? "" : row.title,
                        row.artist == null ? "" : row.artist,
                        row.album == null ? "" : row.album,
                        row.name)
                .toLowerCase(Locale.ROOT);
        return text.length() > 1300 ? text.substring(0, 1300) : text;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    static void deleteTree(Path dir) {
        try {
            ConfigFiles.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MediaFile toFile(MediaFileEntity m) {
        return new MediaFile(
                m.id,
                m.accountId,
                m.folder,
                m.name,
                LibraryPaths.join(m.folder, m.name),
                m.kind,
                m.sizeBytes,
                m.format,
                m.codec,
                m.durationMs,
                m.bitrateKbps,
                m.sampleRate,
                m.channels,
                m.width,
                m.height,
                m.title,
                m.artist,
                m.album,
                m.genre,
                m.year,
                m.loudnessLufs,
                m.hasCover,
                m.tagsEdited,
                Instant.ofEpochMilli(m.modifiedAt),
                Instant.ofEpochMilli(m.createdAt));
    }
}
