/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.Caller;
import org.castpanel.services.api.MediaService;
import org.castpanel.services.api.MediaServices;
import org.castpanel.services.api.NewMediaService;

@Service
@Command(
        scope = "castpanel",
        name = "service-add",
        description = "Creates a media service (within the owner's plan limits)")
public class ServiceAddCommand extends ConsoleCommand {

    @Reference
    MediaServices services;

    @Option(name = "--owner", description = "Owner (id or username); default: the console's administrator")
    @Completion(AccountCompleter.class)
    String owner;

    @Option(name = "--name", description = "Service name")
    String name;

    @Option(name = "--listeners", description = "Max listeners")
    Integer listeners;

    @Option(name = "--bitrate", description = "Max bitrate in kbit/s")
    Integer bitrate;

    @Option(name = "--disk", description = "Disk quota in MB")
    Long disk;

    @Option(name = "--transfer", description = "Data transfer per month in GB")
    Long transfer;

    @Option(name = "--feeds", description = "For a source type (AutoDJ): the id of the server service it feeds")
    Long feeds;

    @Argument(index = 0, name = "type", required = true, description = "Engine type id (see castpanel:engine-list)")
    String type;

    @Override
    void run(Caller caller, PrintStream out) {
        Long ownerId = owner == null ? null : account(caller, owner).id();
        MediaService created = services.create(
                caller,
                new NewMediaService(ownerId, type, name, listeners, bitrate, disk, transfer, null, null, null, feeds));
        out.println("Created service " + created.id() + " (" + created.name() + ", " + created.engineType() + ")");
    }
}
