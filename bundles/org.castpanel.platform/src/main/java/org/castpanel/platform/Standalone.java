package org.castpanel.platform;

import org.castpanel.engine.api.platform.ProcessSupervisor;
import org.castpanel.platform.internal.ProcessSupervisorImpl;

/**
 * The platform's implementations outside the OSGi framework, for plugins' own tests (the engine
 * test kit's {@code LocalPlatform}); inside the panel, take the services from the registry.
 */
public final class Standalone {

    private Standalone() {
    }

    /** A process supervisor like the panel's: detached daemons, pid files, adoption. */
    public static ProcessSupervisor processSupervisor() {
        return new ProcessSupervisorImpl();
    }
}
