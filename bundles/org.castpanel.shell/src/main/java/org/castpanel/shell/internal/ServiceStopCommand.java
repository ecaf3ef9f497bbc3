/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.ActionType;

@Service
@Command(scope = "castpanel", name = "service-stop", description = "Queues a stop of a media service")
public class ServiceStopCommand extends ServiceActionCommand {

    @Override
    ActionType action() {
        return ActionType.STOP;
    }
}
