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
}
