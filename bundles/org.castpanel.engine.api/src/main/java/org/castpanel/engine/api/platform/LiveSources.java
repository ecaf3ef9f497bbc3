/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.api.platform;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may broadcast live on an AutoDJ station, decided by the panel (bundle
 * {@code org.castpanel.autodj}) from the station's DJ accounts, their priorities and weekly slots.
 * A source engine plugin asks when an encoder connects to its live input, says when the live
 * source comes and goes, and asks now and then whether the one on the air may stay; cutting a
 * live source off is the plugin's part, since only it can reach its daemon.
 */
@ProviderType
public interface LiveSources {

    /** The panel's answer to an encoder that asks to broadcast. */
    enum Answer {
        /** wrong credentials, a disabled DJ, outside the DJ's slot, or someone of equal or higher priority is live */
        REFUSED,
        ALLOWED,
        /** allowed once the live source on the air now (a lower priority) has been cut off */
        PRE_EMPT
    }

    /** An encoder's credentials as it sent them: a DJ's user name and password. */
    Answer authorize(long serviceId, String user, String password, String address);

    /** A live source the panel allowed is connected now (the same credentials). */
    void connected(long serviceId, String user, String password);

    /** The live source is gone; the AutoDJ plays again. */
    void disconnected(long serviceId);

    /** Whether the live source on the air may stay: false once its slot is over or its DJ was disabled. */
    boolean mayStay(long serviceId);
}
