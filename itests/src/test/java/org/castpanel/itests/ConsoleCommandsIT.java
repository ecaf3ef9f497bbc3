/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.castpanel.accounts.api.Account;
import org.castpanel.accounts.api.AccountService;
import org.castpanel.accounts.api.AuthService;
import org.castpanel.core.api.Caller;
import org.castpanel.itests.support.Await;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * In-container tests on the real distribution (Pax Exam): the features the distribution boots,
 * and the castpanel console commands, which must validate exactly as the REST API does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    AccountService accounts;

    @Inject
    AuthService auth;

    @Inject
    FeaturesService features;

    @Inject
    org.castpanel.engine.api.platform.ServiceDirectories directories;

    @Configuration
    public Option[] configuration() throws IOException {
        String archive = System.getProperty("castpanel.assembly.archive");
        String lib = "lib/endorsed/org.apache.karaf.specs.";
        return new Option[] {
            karafDistributionConfiguration()
                    .frameworkUrl(new File(archive).toURI().toString())
                    .name("CastPanel")
                    .unpackDirectory(new File(System.getProperty("castpanel.itest.dir", "target/it"), "exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.castpanel.media.cfg", "sftpPort", freePort()),
            // Pax Exam does not pass the module flags bin/karaf passes on Java 9+
            vmOptions(
                    "--add-reads=java.xml=java.logging",
                    "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                    "--patch-module",
                    "java.base=" + lib + "locator-4.4.10.jar",
                    "--patch-module",
                    "java.xml=" + lib + "java.xml-4.4.10.jar",
                    "--add-opens",
                    "java.base/java.security=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.net=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.lang=ALL-UNNAMED",
                    "--add-opens",
                    "java.base/java.util=ALL-UNNAMED",
                    "--add-opens",
                    "java.naming/javax.naming.spi=ALL-UNNAMED",
                    "-Djdk.util.zip.disableZip64ExtraFieldValidation=true")
        };
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        }
    }

    /** Runs a console command; returns what it printed, or throws with its error. */
    private String run(String command) throws Exception {
        // commands register once their services are up, which can trail the injected services
        String[] name = command.split(" ")[0].split(":");
        Await.until(
                "console command " + name[1],
                Duration.ofSeconds(60),
                () -> sessionFactory.getRegistry().getCommand(name[0], name[1]) != null);
        // the commands act as the first administrator, whom a component of its own creates at boot
        Await.until("the first administrator", Duration.ofSeconds(60), this::administratorExists);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            session.execute(command);
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private boolean administratorExists() {
        try {
            accounts.consoleCaller();
            return true;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private String refusal(String command) {
        try {
            String output = run(command);
            fail("expected '" + command + "' to be refused, but it printed: " + output);
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    @Test
    public void theDistributionBootsEveryCastPanelFeature() throws Exception {
        Set<String> installed = Arrays.stream(features.listInstalledFeatures())
                .map(Feature::getName)
                .collect(Collectors.toSet());
        for (String feature : new String[] {
            "castpanel",
            "castpanel-core",
            "castpanel-rest",
            "castpanel-media",
            "castpanel-shell",
            "castpanel-db-h2",
            "castpanel-db-mariadb",
            "castpanel-engine-wowza",
            "castpanel-engine-flussonic",
            "castpanel-engine-autodj"
        }) {
            assertTrue(feature + " installed: " + installed, installed.contains(feature));
        }
    }

    @Test
    public void accountAndPlanCommandsWorkAndValidateLikeTheApi() throws Exception {
        String planOut =
                run("castpanel:plan-add --servers 5 --listeners 100 --sub-resellers --engine icecast Console-Gold");
        assertTrue(planOut, planOut.startsWith("Created reseller plan "));
        String planId = planOut.replaceAll("\\D*(\\d+).*\\s*", "$1");

        String created = run("castpanel:account-add --name \"Console Reseller\" --password abcde-pw-1 --plan " + planId
                + " --email res@example.com console-res");
        assertTrue(created, created.contains("RESELLER"));

        String shortPassword = refusal("castpanel:account-add --name Short --password abcd console-short");
        assertEquals("password must be at least 8 characters long [password]", shortPassword);
        String badEmail = refusal("castpanel:account-add --name Mail --password abcde-pw-1 --email nope console-mail");
        assertTrue(badEmail, badEmail.endsWith("[email]"));

        String list = run("castpanel:account-list -q console-");
        assertTrue(list, list.contains("console-res") && list.contains("RESELLER"));
        assertFalse(list, list.contains("console-short"));

        String show = run("castpanel:account-show console-res");
        assertTrue(
                show,
                show.contains("Console Reseller") && show.contains("Console-Gold") && show.contains("serverLimit"));
        String plans = run("castpanel:plan-list");
        assertTrue(plans, plans.contains("Console-Gold") && plans.contains("icecast"));
        String planShown = run("castpanel:plan-show " + planId);
        assertTrue(
                planShown,
                planShown.contains("Sub-resellers:      allowed")
                        && planShown.contains("Over transfer:      suspend the service"));

        Caller console = accounts.consoleCaller();
        run("castpanel:account-disable console-res");
        assertFalse(accounts.getByUsername(console, "console-res").enabled());
        run("castpanel:account-enable console-res");
        Account enabled = accounts.getByUsername(console, "console-res");
        assertTrue(enabled.enabled());

        run("castpanel:account-passwd --password fresh-pass console-res");
        assertNotNull(auth.login("console-res", "fresh-pass", "itest").token());
        assertEquals("account console-nobody not found", refusal("castpanel:account-show console-nobody"));

        assertTrue(run("castpanel:engine-list").contains("Installed"));
        assertEquals(
                "no installed engine offers the type 'nope' [engineType]",
                refusal("castpanel:service-add --owner console-res --listeners 5 nope"));
        assertTrue(run("castpanel:service-list").contains("page 0"));
        assertEquals("media service 424242 not found", refusal("castpanel:service-start 424242"));
    }

    @Test
    public void mediaCommandsListAndRescanALibrary() throws Exception {
        String created = run("castpanel:account-add --name \"Console Media\" --password abcde-pw-1 console-media");
        assertTrue(created, created.contains("console-media"));
        long id = accounts.getByUsername(accounts.consoleCaller(), "console-media")
                .id();
        java.nio.file.Path library = directories.contentDirectory(id);
        java.nio.file.Files.createDirectories(library.resolve("Console"));
        org.castpanel.itests.support.MediaFiles.mp3(library.resolve("Console"), "tone.mp3", "Console Tone", 1);

        String rescan = run("castpanel:media-rescan console-media");
        assertTrue(rescan, rescan.contains("1 added"));
        String top = run("castpanel:media-list console-media");
        assertTrue(top, top.contains("[Console]") && top.contains("library 1 files"));
        String folder = run("castpanel:media-list --folder Console console-media");
        assertTrue(folder, folder.contains("Console/tone.mp3") && folder.contains("Console Tone"));
        String search = run("castpanel:media-list -q tone console-media");
        assertTrue(search, search.contains("Console/tone.mp3"));
        assertTrue(run("castpanel:media-rescan console-media").contains("0 added, 0 updated, 0 removed, 1 unchanged"));
        String traversal = refusal("castpanel:media-list --folder ../.. console-media");
        assertTrue(traversal, traversal.endsWith("[folder]"));
        assertEquals("account console-nobody not found", refusal("castpanel:media-rescan console-nobody"));
    }

    /** An operator registers a Wowza server, tests it (here: nothing listens there) and removes it. */
    @Test
    public void engineServerCommandsRegisterCheckAndRemoveAServer() throws Exception {
        String url = "http://127.0.0.1:" + freePort();
        String added =
                run("castpanel:engine-server-add --username ops --password ops-pass-1 wowza console-wowza " + url);
        assertTrue(added, added.contains("Registered wowza server"));
        String id = added.replaceAll("(?s).*server (\\d+) .*", "$1");
        String checked = run("castpanel:engine-server-check " + id);
        assertTrue(
                checked,
                checked.contains("console-wowza")
                        && checked.contains("UNHEALTHY")
                        && checked.contains("does not answer"));
        assertTrue(run("castpanel:engine-server-list").contains("UNHEALTHY"));
        String missing = refusal("castpanel:engine-server-check 987654");
        assertTrue(missing, missing.contains("not found"));
        assertTrue(run("castpanel:engine-server-delete " + id).contains("Removed engine server " + id));
    }

    /** An operator looks at an AutoDJ station: on the air, playlists, history; other ids are refused as the API refuses them. */
    @Test
    public void autoDjShowDescribesAStationAndRefusesOtherServices() throws Exception {
        run("castpanel:account-add --name \"Console DJ\" --password abcde-pw-1 console-dj");
        String server = run("castpanel:service-add --owner console-dj --name Console-Radio --listeners 5 icecast");
        String serverId = server.replaceAll("(?s)Created service (\\d+).*", "$1");
        String station =
                run("castpanel:service-add --owner console-dj --name Console-AutoDJ --feeds " + serverId + " autodj");
        String stationId = station.replaceAll("(?s)Created service (\\d+).*", "$1");
        String shown = run("castpanel:autodj-show " + stationId);
        assertTrue(shown, shown.contains("Station:     Console-AutoDJ") && shown.contains("On the air:  -"));
        assertTrue(shown, shown.contains("Live:        -") && shown.contains("May broadcast"));
        String notAutoDj = refusal("castpanel:autodj-show " + serverId);
        assertTrue(notAutoDj, notAutoDj.contains("not an AutoDJ"));
        assertEquals("media service 424242 not found", refusal("castpanel:autodj-show 424242"));
        assertTrue(refusal("castpanel:autodj-show --history 0 " + stationId).endsWith("[limit]"));

        // the operator's remote control: queue a track of the owner's library, list, skip
        long owner =
                accounts.getByUsername(accounts.consoleCaller(), "console-dj").id();
        java.nio.file.Path library = directories.contentDirectory(owner);
        java.nio.file.Files.createDirectories(library);
        org.castpanel.itests.support.MediaFiles.mp3(library, "next.mp3", "Console Next", 1);
        run("castpanel:media-rescan console-dj");
        String listed = run("castpanel:media-list console-dj");
        String trackId = listed.replaceAll("(?s).*?\\s(\\d+)\\s*\\|\\s*next\\.mp3.*", "$1");
        String queued = run("castpanel:autodj-queue " + stationId + " " + trackId);
        assertTrue(queued, queued.contains("Queued Console Next"));
        String requests = run("castpanel:song-requests " + stationId);
        assertTrue(
                requests,
                requests.contains("Console Next") && requests.contains("queue") && requests.contains("waiting"));
        String twice = refusal("castpanel:autodj-queue " + stationId + " " + trackId);
        assertTrue(twice, twice.contains("queued already") && twice.endsWith("[trackId]"));
        assertTrue(refusal("castpanel:autodj-queue " + stationId + " 987654").endsWith("[trackId]"));
        assertEquals(
                "nothing more stored",
                1,
                run("castpanel:song-requests " + stationId).split("Console Next", -1).length - 1);
        String lists = run("castpanel:playlist-list " + stationId);
        assertTrue(lists, lists.contains("Playlist") && lists.contains("Tracks"));
        String stopped = refusal("castpanel:autodj-skip " + stationId);
        assertTrue(stopped, stopped.contains("start it before skipping a track"));
        String noTracks = refusal("castpanel:autodj-skip " + serverId);
        assertTrue(noTracks, noTracks.contains("has no tracks to skip"));
        assertEquals("media service 424242 not found", refusal("castpanel:autodj-skip 424242"));
        assertTrue(refusal("castpanel:playlist-list " + serverId).contains("not an AutoDJ"));
    }
}
