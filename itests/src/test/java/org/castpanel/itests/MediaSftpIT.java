/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Fixtures.Tenant;
import org.castpanel.itests.support.MediaFiles;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SFTP into the media library with a real SFTP client (Apache MINA SSHD's): each customer sees
 * its own library as /, uploads are indexed within seconds, what is not media is deleted, names
 * and links that would lead out are refused, the quota stops a write.
 */
@WithPanel("h2")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaSftpIT {

    Panel panel;
    Api api;
    Tenant a;
    Tenant b;
    SshClient client;
    byte[] mp3;

    @BeforeAll
    void setUp(Panel panel) throws Exception {
        this.panel = panel;
        api = panel.api();
        a = Fixtures.tenant(api, panel.admin());
        b = Fixtures.tenant(api, panel.admin());
        Path tmp = Files.createTempDirectory("castpanel-sftp-it-");
        try {
            mp3 = Files.readAllBytes(MediaFiles.mp3(tmp, "tone.mp3", "Over SFTP", 2));
        } finally {
            Files.deleteIfExists(tmp.resolve("tone.mp3"));
            Files.delete(tmp);
        }
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterAll
    void stopClient() throws IOException {
        client.stop();
    }

    @Test
    void aCustomerSeesOnlyItsOwnLibraryAndItsUploadsAreIndexed() throws Exception {
        Files.createDirectories(library(b.customerId()).resolve("B only"));
        try (Connection c = connect(a.customer(), Fixtures.PASSWORD)) {
            c.sftp.mkdir("/Sftp");
            try (OutputStream out = c.sftp.write("/Sftp/over sftp.mp3")) {
                out.write(mp3);
            }
            List<String> top = names(c.sftp, "/");
            assertTrue(top.contains("Sftp"), top.toString());
            assertFalse(top.contains("B only"), "another customer's folder is not there");
            assertEquals(names(c.sftp, "/"), names(c.sftp, "/../.."), "/ is the top: '..' leads nowhere");
            assertThrows(
                    IOException.class, () -> c.sftp.read("/../../../etc/passwd").close());
        }
        Await.until(
                "the SFTP upload is indexed",
                Duration.ofSeconds(20),
                () -> a.customerApi()
                                .get("/accounts/" + a.customerId() + "/media?folder=Sftp")
                                .body()
                                .at("/files/total")
                                .asInt()
                        == 1);
        JsonNode file = a.customerApi()
                .get("/accounts/" + a.customerId() + "/media?folder=Sftp")
                .body()
                .at("/files/items/0");
        assertEquals("Over SFTP", file.get("title").asText());
        assertTrue(Files.exists(library(a.customerId()).resolve("Sftp/over sftp.mp3")));
        assertTrue(Files.exists(library(b.customerId()).resolve("B only")), "B's library untouched");
    }

    @Test
    void whatIsNotMediaIsDeletedAfterTheUpload() throws Exception {
        try (Connection c = connect(a.customer(), Fixtures.PASSWORD)) {
            try (OutputStream out = c.sftp.write("/script.mp3")) {
                out.write("#!/bin/sh\necho pwned\n".getBytes());
            }
        }
        Path file = library(a.customerId()).resolve("script.mp3");
        Await.until("the file that is not media is deleted", Duration.ofSeconds(20), () -> !Files.exists(file));
    }

    @Test
    void namesAndLinksThatLeadOutAreRefused() throws Exception {
        try (Connection c = connect(a.customer(), Fixtures.PASSWORD)) {
            List<String> failures = new ArrayList<>();
            for (String bad : List.of("/.ssh", "/line\nbreak", "/Rock/.hidden")) {
                try {
                    c.sftp.mkdir(bad);
                    failures.add("mkdir " + bad + " was allowed");
                } catch (IOException expected) {
                    // refused
                }
            }
            try {
                c.sftp.symLink("/etc-link", "/etc");
                failures.add("a symbolic link was made");
            } catch (IOException expected) {
                // refused
            }
            try (OutputStream out = c.sftp.write("/.profile")) {
                out.write(1);
                failures.add("a hidden file was written");
            } catch (IOException expected) {
                // refused
            }
            assertEquals(List.of(), failures);
        }
        assertFalse(Files.exists(library(a.customerId()).resolve(".ssh")));
        assertFalse(Files.isSymbolicLink(library(a.customerId()).resolve("etc-link")));
        assertFalse(Files.exists(library(a.customerId()).resolve(".profile")));
    }

    @Test
    void aWrongPasswordIsRefusedAndCountsAsAFailedLogin() {
        assertThrows(
                IOException.class,
                () -> connect(a.customer(), "not-the-password").close());
        assertThrows(
                IOException.class, () -> connect("no-such-user", "whatever").close());
    }

    @Test
    void aWriteStopsAtTheDiskQuota() throws Exception {
        Fixtures.DiskCustomer small = Fixtures.customerWithDisk(api, panel.admin(), 1);
        String customer = small.customer();
        long customerId = small.customerId();
        try (Connection c = connect(customer, Fixtures.PASSWORD)) {
            IOException refused = assertThrows(IOException.class, () -> {
                try (OutputStream out = c.sftp.write("/big.mp3")) {
                    out.write(new byte[2 * 1024 * 1024]);
                }
            });
            assertTrue(String.valueOf(refused.getMessage()).contains("quota"), String.valueOf(refused.getMessage()));
        }
        Path big = library(customerId).resolve("big.mp3");
        assertTrue(!Files.exists(big) || Files.size(big) <= 1024 * 1024, "nothing past the quota was stored");
    }

    // ---- helpers

    private record Connection(ClientSession session, SftpClient sftp) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            sftp.close();
            session.close();
        }
    }

    private Connection connect(String user, String password) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", panel.sftpPort())
                .verify(10, TimeUnit.SECONDS)
                .getSession();
        try {
            session.addPasswordIdentity(password);
            session.auth().verify(15, TimeUnit.SECONDS);
            return new Connection(session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static List<String> names(SftpClient sftp, String dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (SftpClient.DirEntry e : sftp.readDir(dir)) {
            if (!e.getFilename().equals(".") && !e.getFilename().equals("..")) {
                names.add(e.getFilename());
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    private Path library(long accountId) {
        return panel.library(accountId);
    }
}
