/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.Caller;
import org.castpanel.services.api.ServiceControls;

@Service
@Command(
        scope = "castpanel",
        name = "autodj-skip",
        description = "Ends the track on the air of a running AutoDJ service; its next track plays")
public class AutoDjSkipCommand extends ConsoleCommand {

    @Reference
    ServiceControls controls;

    @Argument(index = 0, name = "service", description = "The AutoDJ service's id", required = true)
    long service;

    @Override
    void run(Caller caller, PrintStream out) {
        controls.skipTrack(caller, service);
        out.println("Skipped the track on the air of service " + service);
    }
}
