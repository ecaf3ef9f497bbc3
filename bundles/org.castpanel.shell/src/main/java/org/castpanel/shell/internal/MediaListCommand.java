/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.castpanel.accounts.api.Account;
import org.castpanel.core.api.Caller;
import org.castpanel.media.api.LibraryUsage;
import org.castpanel.media.api.MediaFile;
import org.castpanel.media.api.MediaLibrary;
import org.castpanel.media.api.MediaListing;
import org.castpanel.media.api.MediaQuery;

@Service
@Command(
        scope = "castpanel",
        name = "media-list",
        description = "Lists an account's media library: a folder (the top by default), or a search")
public class MediaListCommand extends ConsoleCommand {

    @Reference
    MediaLibrary library;

    @Argument(index = 0, name = "account", description = "Account id or username", required = true)
    @Completion(AccountCompleter.class)
    String account;

    @Option(name = "-f", aliases = "--folder", description = "The folder to list, e.g. Rock/80s")
    String folder;

    @Option(name = "-q", aliases = "--search", description = "Files whose title, artist, album or name contains this")
    String search;

    @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
    int page;

    @Option(name = "-s", aliases = "--size", description = "Rows per page (at most 200)")
    int size = 50;

    @Override
    void run(Caller caller, PrintStream out) {
        Account a = account(caller, account);
        MediaListing listing = library.list(caller, a.id(), new MediaQuery(folder, search, "name", false, page, size));
        for (String sub : listing.folders()) {
            out.println("[" + sub + "]");
        }
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("Path");
        table.column("Kind");
        table.column("Length").alignRight();
        table.column("Title");
        table.column("Artist");
        table.column("LUFS").alignRight();
        table.column("Size").alignRight();
        for (MediaFile f : listing.files().items()) {
            table.addRow()
                    .addContent(
                            f.id(),
                            f.path(),
                            f.kind(),
                            f.durationMs() == null ? "-" : clock(f.durationMs()),
                            orDash(f.title()),
                            orDash(f.artist()),
                            f.loudnessLufs() == null ? "-" : String.format(Locale.ROOT, "%.1f", f.loudnessLufs()),
                            mib(f.sizeBytes()));
        }
        table.print(out);
        LibraryUsage usage = listing.usage();
        out.println("page " + listing.files().page() + ", "
                + listing.files().items().size() + " of "
                + listing.files().total() + "; library " + usage.files() + " files, " + mib(usage.usedBytes())
                + " used of " + (usage.quotaBytes() == null ? "unlimited" : mib(usage.quotaBytes())));
    }

    static String clock(long millis) {
        long seconds = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
