/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.ActionType;

@Service
@Command(scope = "castpanel", name = "service-start", description = "Queues a start of a media service")
public class ServiceStartCommand extends ServiceActionCommand {

    @Override
    ActionType action() {
        return ActionType.START;
    }
}
