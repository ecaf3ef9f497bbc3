/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(
        scope = "castpanel",
        name = "engine-disable",
        description = "Refuses new services of an engine type (existing ones keep running)")
public class EngineDisableCommand extends EngineEnableCommand {

    @Override
    boolean enable() {
        return false;
    }
}
