package org.castpanel.rest.internal;

import java.net.URI;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriBuilder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * The REST API's side of the HTTPS settings (PID {@code org.castpanel.http}, described by the
 * web UI bundle, which applies them to its pages): HSTS on HTTPS answers, and when turned on a 308
 * to HTTPS for plain-HTTP calls from other machines; calls from this machine (engine callbacks,
 * local scripts) stay on HTTP.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class },
        configurationPid = "org.castpanel.http")
@JaxrsExtension
@PreMatching
public class ApiTransportSecurity implements ContainerRequestFilter, ContainerResponseFilter {

    /** The settings this side reads; their descriptions live with the web UI's filter. */
    public @interface Config {
        boolean redirectToHttps() default false;

        int httpsPort() default 8443;

        long hstsMaxAgeSeconds() default 31_536_000L;
    }

    private volatile Config config;

    @Context
    private HttpServletRequest request;

    @Activate
    public ApiTransportSecurity(final Config config) {
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        Config c = config;
        String remote = request == null ? null : request.getRemoteAddr();
        if (c.redirectToHttps() && !context.getSecurityContext().isSecure() && remote != null
                && !ClientAddress.loopback(remote)) {
            URI https = UriBuilder.fromUri(context.getUriInfo().getRequestUri()).scheme("https").port(c.httpsPort())
                    .build();
            context.abortWith(Response.status(308).location(https).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        long maxAge = config.hstsMaxAgeSeconds();
        if (request.getSecurityContext().isSecure() && maxAge > 0) {
            response.getHeaders().putSingle("Strict-Transport-Security", "max-age=" + maxAge);
        }
    }
}
