/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.castpanel.core.api.ActionType;
import org.castpanel.core.api.Caller;
import org.castpanel.core.api.ServiceAction;
import org.castpanel.services.api.MediaServices;

/** Queues one action; the commands below name which. */
abstract class ServiceActionCommand extends ConsoleCommand {

    @Reference
    MediaServices services;

    @Argument(index = 0, name = "id", required = true, description = "Service id")
    long id;

    abstract ActionType action();

    boolean confirmed() {
        return false;
    }

    @Override
    void run(Caller caller, PrintStream out) {
        ServiceAction queued = services.enqueue(caller, id, action(), confirmed());
        out.println("Queued " + queued.action() + " of service " + id + " as action " + queued.id()
                + "; castpanel:service-show " + id + " shows its progress");
    }
}
