/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.castpanel.core.api.ActionType;

@Service
@Command(
        scope = "castpanel",
        name = "service-delete",
        description = "Queues the deletion of a media service (video files go with it: --confirm)")
public class ServiceDeleteCommand extends ServiceActionCommand {

    @Option(name = "--confirm", description = "Confirm deleting a video service's files permanently")
    boolean confirm;

    @Override
    ActionType action() {
        return ActionType.DELETE;
    }

    @Override
    boolean confirmed() {
        return confirm;
    }
}
