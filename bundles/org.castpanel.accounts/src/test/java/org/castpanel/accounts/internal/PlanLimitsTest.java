/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.castpanel.core.api.CastPanelException;
import org.castpanel.core.api.Paging;
import org.castpanel.persistence.PlanEntity;
import org.junit.jupiter.api.Test;

class PlanLimitsTest {

    private static PlanEntity plan(String name, Integer servers, Integer listeners, Integer bitrate) {
        PlanEntity p = new PlanEntity();
        p.name = name;
        p.serverLimit = servers;
        p.maxListeners = listeners;
        p.maxBitrateKbps = bitrate;
        p.allowedEngineTypes = "";
        return p;
    }

    private static long[] reserved(long servers, long listeners) {
        long[] r = new long[PlanLimits.Limit.values().length];
        r[PlanLimits.Limit.SERVERS.ordinal()] = servers;
        r[PlanLimits.Limit.LISTENERS.ordinal()] = listeners;
        return r;
    }

    @Test
    void aChildFitsInWhatIsLeft() {
        PlanEntity parent = plan("parent", 10, 1000, 320);
        assertDoesNotThrow(() -> PlanLimits.checkFits("f", "parent", parent, reserved(6, 500), plan("c", 4, 500, 128)));
        CastPanelException e = assertThrows(
                CastPanelException.class,
                () -> PlanLimits.checkFits("f", "parent", parent, reserved(6, 500), plan("c", 5, 10, 128)));
        assertTrue(e.getMessage().contains("only 4 left"), e.getMessage());
    }

    @Test
    void anUnlimitedChildNeedsAnUnlimitedParent() {
        PlanEntity parent = plan("parent", 10, null, null);
        assertThrows(
                CastPanelException.class,
                () -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), plan("c", null, 5, 5)));
        assertDoesNotThrow(() -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), plan("c", 3, null, null)));
    }

    @Test
    void bitrateAndSwitchesOnlyNarrow() {
        PlanEntity parent = plan("parent", null, null, 128);
        assertThrows(
                CastPanelException.class,
                () -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), plan("c", 1, 1, 192)));
        PlanEntity child = plan("c", 1, 1, 64);
        child.autoDjAllowed = true;
        assertThrows(
                CastPanelException.class, () -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), child));
    }

    @Test
    void engineTypesMustBeASubset() {
        PlanEntity parent = plan("parent", null, null, null);
        parent.allowedEngineTypes = "icecast,shoutcast";
        PlanEntity child = plan("c", null, null, null);
        child.allowedEngineTypes = "icecast";
        assertDoesNotThrow(() -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), child));
        child.allowedEngineTypes = "icecast,wowza";
        assertThrows(
                CastPanelException.class, () -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), child));
        child.allowedEngineTypes = "";
        assertThrows(
                CastPanelException.class,
                () -> PlanLimits.checkFits("f", "parent", parent, reserved(0, 0), child),
                "'all engines' is more than a restricted parent allows");
    }

    @Test
    void likePatternsTakeTheirInputLiterally() {
        assertTrue(Paging.likePrefix("/1/2/").equals("/1/2/%"));
        assertTrue(Paging.likeContains("50%_off").equals("%50\\%\\_off%"));
    }
}
