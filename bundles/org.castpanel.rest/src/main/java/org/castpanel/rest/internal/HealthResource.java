/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.castpanel.core.api.DatabaseStatus;
import org.castpanel.engine.api.platform.DaemonThreads;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Public readiness: registered only after every other resource of the API (and so the migrated
 * database and the core services they need), so a 200 here means the whole API answers. The
 * whiteboard adds resources in registration order. It also says whether the database answers
 * (503 while it does not): that is checked in the background at most once a second, so a request
 * here never waits for the database and stays the benchmark's trivial baseline.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JaxrsExtensionSelect(JsonProvider.SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    /** The answer of {@code GET /health}: {@code ok}, or {@code unavailable} with the database {@code down}. */
    public record Health(String status, String version, String database) {}

    private static final long RECHECK_NANOS = 1_000_000_000L;

    private final String version;
    private final DatabaseStatus database;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(DaemonThreads.named("castpanel-health"));
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean databaseUp = true;
    private volatile long checkedAt = System.nanoTime();

    @Activate
    public HealthResource(
            final BundleContext context,
            final @Reference AuthResource auth,
            final @Reference MeResource me,
            final @Reference AccountResource accounts,
            final @Reference PlanResource plans,
            final @Reference AuditResource audit,
            final @Reference OpenApiResource openApi,
            final @Reference ServiceResource services,
            final @Reference ActionResource actions,
            final @Reference EngineResource engines,
            final @Reference EventStreamResource eventStream,
            final @Reference MountResource mounts,
            final @Reference RecordingResource recordings,
            final @Reference DatabaseStatus database) {
        this.version = context.getBundle().getVersion().toString();
        this.database = database;
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    /** {@link #health()} while the database is down: answered 503 with the same body, by {@link UnavailableMapper}. */
    static final class Unavailable extends RuntimeException {
        final transient Health health;

        Unavailable(Health health) {
            super("the database does not answer", null, false, false);
            this.health = health;
        }
    }

    /** Answers {@link Unavailable} with 503 and the health body (the API's other failures keep their shape). */
    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    public static class UnavailableMapper implements ExceptionMapper<Unavailable> {
        @Override
        public Response toResponse(Unavailable unavailable) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(unavailable.health)
                    .build();
        }
    }

    /** 200 with {@code ok}, or 503 with {@code unavailable} and the database {@code down}. */
    @GET
    public Health health() {
        if (System.nanoTime() - checkedAt > RECHECK_NANOS && checking.compareAndSet(false, true)) {
            checker.execute(() -> {
                try {
                    databaseUp = database.reachable();
                } finally {
                    checkedAt = System.nanoTime();
                    checking.set(false);
                }
            });
        }
        if (!databaseUp) {
            throw new Unavailable(new Health("unavailable", version, "down"));
        }
        return new Health("ok", version, "up");
    }
}
