/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.platform.internal;

import org.castpanel.engine.api.platform.PanelNode;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The node's name and public host name from the platform's settings. */
@Component(service = PanelNode.class, configurationPid = PlatformConfig.PID)
public class PanelNodeImpl implements PanelNode {

    private volatile String name;
    private volatile String publicHostname;

    @Activate
    public PanelNodeImpl(final PlatformConfig config) {
        modified(config);
    }

    @Modified
    void modified(PlatformConfig config) {
        this.name = config.node();
        this.publicHostname = config.publicHostname().isBlank()
                ? "localhost"
                : config.publicHostname().strip();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String publicHostname() {
        return publicHostname;
    }
}
