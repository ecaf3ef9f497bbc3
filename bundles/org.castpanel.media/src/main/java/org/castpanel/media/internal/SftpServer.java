/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.media.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.RejectAllPublickeyAuthenticator;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.castpanel.accounts.api.AuthService;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.CastPanelException;
import org.castpanel.media.api.LibraryUsage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SFTP into the media library, on Apache MINA SSHD (the SSH stack Karaf's console runs on), on a
 * port of its own. A customer logs in with its panel username and password and sees its own
 * library as {@code /}: nothing else, no shell, no forwarding, no symbolic links. Every name is
 * checked as the web's are; writes stop at the disk quota; a file written is probed within
 * seconds of its close (not playable: deleted, and the event stream says why), and what is
 * removed or renamed is brought into the index by a rescan a second later.
 */
@Component(service = SftpServer.class, immediate = true, configurationPid = "org.castpanel.media")
public class SftpServer {

    private static final Logger LOG = LoggerFactory.getLogger(SftpServer.class);
    private static final AttributeRepository.AttributeKey<Caller> CALLER = new AttributeRepository.AttributeKey<>();

    private final AuthService auth;
    private final MediaLibraryImpl library;
    private final ScheduledExecutorService indexer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "castpanel-sftp-indexer");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ScheduledFuture<?>> pendingRescans = new ConcurrentHashMap<>();
    private final Map<String, Write> writes = new ConcurrentHashMap<>();
    private final SshServer server;

    /** What the library refuses over SFTP, with a message the customer's client shows. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /** A file open for writing: whose, where, how big it was and how much more may be written. */
    private record Write(long accountId, String path, long initialSize, Long available) {}

    @Activate
    public SftpServer(
            final @Reference AuthService auth, final @Reference MediaLibraryImpl library, final MediaConfig config)
            throws IOException {
        this.auth = auth;
        this.library = library;
        if (config.sftpPort() <= 0) {
            server = null;
            LOG.info("SFTP into the media library is off (sftpPort = 0)");
            return;
        }
        server = SshServer.setUpDefaultServer();
        server.setHost(config.sftpHost());
        server.setPort(config.sftpPort());
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey()));
        server.setPasswordAuthenticator(this::authenticate);
        server.setPublickeyAuthenticator(RejectAllPublickeyAuthenticator.INSTANCE);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        server.setFileSystemFactory(new VirtualFileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) {
                Caller caller = session.getAttribute(CALLER);
                if (caller == null) {
                    throw new IllegalStateException("no authenticated account on this session");
                }
                return library.root(caller.accountId());
            }
        });
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                .withSftpErrorStatusDataHandler(new SftpErrorStatusDataHandler() {
                    @Override
                    public String resolveErrorMessage(
                            SftpSubsystemEnvironment sftpSubsystem,
                            int id,
                            Throwable e,
                            int subStatus,
                            int cmd,
                            Object... args) {
                        // the library's own refusals say what is wrong; anything else stays generic
                        return e instanceof Refusal
                                ? e.getMessage()
                                : SftpErrorStatusDataHandler.super.resolveErrorMessage(
                                        sftpSubsystem, id, e, subStatus, cmd, args);
                    }
                })
                .build();
        sftp.addSftpEventListener(new Listener());
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        LOG.info("SFTP into the media library on {}:{}", config.sftpHost(), server.getPort());
    }

    @Deactivate
    void deactivate() throws IOException {
        indexer.shutdownNow();
        if (server != null) {
            server.stop(true);
        }
    }

    /** The port it listens on (0 when off). */
    public int port() {
        return server == null ? 0 : server.getPort();
    }

    /** Kept beside Karaf's own host key in etc/, so clients see the same key after a restart or an upgrade. */
    private static Path hostKey() {
        String etc = System.getProperty("karaf.etc", System.getProperty("java.io.tmpdir"));
        return Path.of(etc, "castpanel-sftp-host.key");
    }

    private boolean authenticate(String username, String password, ServerSession session) {
        String origin = session.getClientAddress() instanceof InetSocketAddress a
                ? a.getAddress().getHostAddress()
                : String.valueOf(session.getClientAddress());
        try {
            session.setAttribute(CALLER, auth.verifyPassword(username, password, origin));
            return true;
        } catch (CastPanelException e) {
            LOG.info("SFTP login of {} from {} refused: {}", username, origin, e.getMessage());
            return false;
        }
    }

    private static long accountOf(ServerSession session) throws IOException {
        Caller caller = session.getAttribute(CALLER);
        if (caller == null) {
            throw new IOException("not logged in");
        }
        return caller.accountId();
    }

    /** The library path of a path of the session's rooted file system, every name checked as the web's are. */
    private static String libraryPath(Path path) throws IOException {
        String absolute = path.toAbsolutePath().normalize().toString();
        String relative = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        try {
            String folder = LibraryPaths.folder("path", LibraryPaths.parent(relative));
            return LibraryPaths.join(
                    folder, LibraryPaths.name("name", relative.substring(relative.lastIndexOf('/') + 1)));
        } catch (CastPanelException e) {
            throw new Refusal("'" + relative + "': " + e.getMessage());
        }
    }

    private void rescanSoon(long accountId) {
        pendingRescans.compute(accountId, (id, pending) -> {
            if (pending != null) {
                pending.cancel(false);
            }
            return indexer.schedule(
                    () -> {
                        pendingRescans.remove(id);
                        library.rescan(id);
                    },
                    1,
                    TimeUnit.SECONDS);
        });
    }

    private final class Listener implements SftpEventListener {

        @Override
        public void opening(ServerSession session, String remoteHandle, Handle localHandle) throws IOException {
            if (!(localHandle instanceof FileHandle file)) {
                return;
            }
            Collection<? extends OpenOption> options = file.getOpenOptions();
            if (!options.contains(StandardOpenOption.WRITE) && !options.contains(StandardOpenOption.APPEND)) {
                return;
            }
            long accountId = accountOf(session);
            String path = libraryPath(file.getFile());
            long size = Files.exists(file.getFile()) ? Files.size(file.getFile()) : 0;
            LibraryUsage usage = library.usage(accountId);
            writes.put(remoteHandle, new Write(accountId, path, size, usage.availableBytes()));
        }

        @Override
        public void writing(
                ServerSession session,
                String remoteHandle,
                FileHandle localHandle,
                long offset,
                byte[] data,
                int dataOffset,
                int dataLen)
                throws IOException {
            Write write = writes.get(remoteHandle);
            if (write != null
                    && write.available() != null
                    && offset + dataLen - write.initialSize() > write.available()) {
                throw new Refusal("disk quota exceeded: " + write.available() + " bytes were left");
            }
        }

        @Override
        public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
            Write write = writes.remove(remoteHandle);
            if (write != null) {
                indexer.execute(() -> library.received(write.accountId(), write.path(), "SFTP"));
            }
        }

        @Override
        public void creating(ServerSession session, Path path, Map<String, ?> attrs) throws IOException {
            libraryPath(path);
        }

        @Override
        public void moving(ServerSession session, Path srcPath, Path dstPath, Collection<java.nio.file.CopyOption> opts)
                throws IOException {
            libraryPath(dstPath);
        }

        @Override
        public void moved(
                ServerSession session,
                Path srcPath,
                Path dstPath,
                Collection<java.nio.file.CopyOption> opts,
                Throwable thrown)
                throws IOException {
            rescanSoon(accountOf(session));
        }

        @Override
        public void removed(ServerSession session, Path path, boolean isDirectory, Throwable thrown)
                throws IOException {
            rescanSoon(accountOf(session));
        }

        @Override
        public void linking(ServerSession session, Path source, Path target, boolean symLink) throws IOException {
            throw new Refusal("links are not allowed in a media library");
        }
    }
}
