/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The panel node this process is: the {@code node} of the media services it creates and runs,
 * and the scope of its action queue, reconciler and statistics (several nodes will share one
 * database). One setting, {@code node} in {@code etc/org.castpanel.platform.cfg}.
 */
@ProviderType
public interface PanelNode {

    /** This node's name, e.g. {@code local}. */
    String name();

    /**
     * The host name customers and their encoders and players use for this node's services
     * ({@code publicHostname} in {@code etc/org.castpanel.platform.cfg}): what connection details
     * show, one setting for every engine.
     */
    String publicHostname();
}
