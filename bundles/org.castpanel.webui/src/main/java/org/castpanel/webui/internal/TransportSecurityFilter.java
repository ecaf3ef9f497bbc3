/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.webui.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * In front of the web UI (the default servlet context; the REST API does the same in its own
 * application, {@code org.castpanel.rest}'s ApiTransportSecurity, so that neither context is
 * rebuilt when the other's filter arrives): HTTPS answers
 * carry Strict-Transport-Security, and, when the administrator turns it on, plain-HTTP requests
 * from elsewhere are redirected to HTTPS (308 keeps the method and body of API calls). Requests
 * from this machine stay on HTTP: engines call the panel back over loopback.
 */
@Component(
        service = Filter.class,
        property = {
            "osgi.http.whiteboard.filter.pattern=/*",
            "osgi.http.whiteboard.filter.name=castpanel-transport-security",
            // the event stream is asynchronous; a filter in its way must say it allows that
            "osgi.http.whiteboard.filter.asyncSupported=true"
        })
public class TransportSecurityFilter implements Filter {

    /**
     * Holds the settings: a whiteboard filter whose service properties change (as a configured
     * component's do when its configuration arrives) is registered again, and its servlet context
     * restarted.
     */
    @Component(service = Settings.class, configurationPid = TransportSecurityConfig.PID)
    @Designate(ocd = TransportSecurityConfig.class)
    public static class Settings {
        private volatile TransportSecurityConfig config;

        @Activate
        public Settings(final TransportSecurityConfig config) {
            this.config = config;
        }

        @Modified
        void modified(TransportSecurityConfig config) {
            this.config = config;
        }

        TransportSecurityConfig get() {
            return config;
        }
    }

    private final Settings settings;

    @Activate
    public TransportSecurityFilter(final @Reference Settings settings) {
        this.settings = settings;
    }

    @Override
    public void init(FilterConfig filterConfig) {}

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        TransportSecurityConfig c = settings.get();
        if (request.isSecure()) {
            if (c.hstsMaxAgeSeconds() > 0) {
                response.setHeader("Strict-Transport-Security", "max-age=" + c.hstsMaxAgeSeconds());
            }
        } else if (c.redirectToHttps() && !loopback(request.getRemoteAddr())) {
            String query = request.getQueryString();
            response.setStatus(308);
            response.setHeader(
                    "Location",
                    "https://" + host(request) + (c.httpsPort() == 443 ? "" : ":" + c.httpsPort())
                            + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(req, res);
    }

    /** The host the client asked for, without its port; the server's name if the Host header is odd. */
    private static String host(HttpServletRequest request) {
        String name = request.getServerName();
        return name != null && name.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]") ? name : "localhost";
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void destroy() {}
}
