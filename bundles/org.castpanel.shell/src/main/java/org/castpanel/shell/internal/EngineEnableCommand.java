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
import org.castpanel.services.api.EngineCatalog;

@Service
@Command(scope = "castpanel", name = "engine-enable", description = "Allows new services of an engine type")
public class EngineEnableCommand extends ConsoleCommand {

    @Reference
    EngineCatalog engines;

    @Argument(index = 0, name = "type", required = true, description = "Engine type id")
    String type;

    boolean enable() {
        return true;
    }

    @Override
    void run(Caller caller, PrintStream out) {
        engines.setEnabled(caller, type, enable());
        out.println((enable() ? "Enabled " : "Disabled ") + type);
    }
}
