/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides which hosts the panel and its daemons may connect to on a customer's behalf
 * (restreaming targets, pulled sources, anything a customer types as a URL). A host that is or
 * resolves to this machine, loopback, link-local, a private or unique-local range, multicast or the
 * unspecified address is refused unless an administrator listed it in {@code allowedTargetHosts}
 * of {@code etc/org.castpanel.platform.cfg}: otherwise a customer could point the panel's own
 * relay at the panel's internal endpoints or another customer's ingest.
 *
 * <p>
 * Plugins check again just before connecting, since a name can resolve differently later.
 * Blocking: resolves the name.
 */
@ProviderType
public interface OutboundTargets {

    /**
     * Returns normally for a host the panel may connect to; otherwise throws
     * {@link IllegalArgumentException} with a reason a customer can read (which range, and that
     * an administrator can allow the host).
     */
    void check(String host);
}
