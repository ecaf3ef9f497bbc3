/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.castpanel.engine.api.MountPoint;
import org.castpanel.engine.api.platform.ConfigFiles;

/**
 * Writes icecast.xml with a real XML writer: every value is character data, escaped by the writer,
 * so no customer text (service name, mount, description, genre, URL) can close its element or add
 * one. Control characters are refused before that; mount names are checked against
 * {@link MountPoint#NAME}.
 */
final class IcecastXml {

    /** Everything that goes into one service's config file; the first mount is the main one. */
    record Settings(
            String hostname,
            String bindAddress,
            int port,
            int maxClients,
            String sourcePassword,
            String adminPassword,
            String relayPassword,
            List<Mount> mounts,
            String serviceDir,
            String sharePath,
            String user,
            String group) {}

    /** One {@code <mount>} block; null values are left out. */
    record Mount(
            String name,
            Integer maxListeners,
            String fallback,
            boolean hidden,
            boolean isPublic,
            String streamName,
            String description,
            String genre,
            String url) {}

    /** Looked up once: the lookup scans the class path, and a configured factory is thread-safe. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private IcecastXml() {}

    static String write(Settings s) {
        for (Mount mount : s.mounts()) {
            checkMount("mount", mount.name());
            if (mount.fallback() != null) {
                checkMount("fallback mount", mount.fallback());
            }
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("icecast");
            element(xml, "location", "CastPanel");
            element(xml, "admin", "admin@" + s.hostname());
            element(xml, "hostname", s.hostname());
            xml.writeStartElement("limits");
            element(xml, "clients", Integer.toString(s.maxClients()));
            // one source per mount, plus one for a relay
            element(xml, "sources", Integer.toString(s.mounts().size() + 1));
            element(xml, "queue-size", "524288");
            element(xml, "client-timeout", "30");
            element(xml, "header-timeout", "15");
            element(xml, "source-timeout", "10");
            element(xml, "burst-size", "65535");
            xml.writeEndElement();
            xml.writeStartElement("authentication");
            element(xml, "source-password", s.sourcePassword());
            element(xml, "relay-user", "relay");
            element(xml, "relay-password", s.relayPassword());
            element(xml, "admin-user", "admin");
            element(xml, "admin-password", s.adminPassword());
            xml.writeEndElement();
            xml.writeStartElement("listen-socket");
            element(xml, "port", Integer.toString(s.port()));
            element(xml, "bind-address", s.bindAddress());
            xml.writeEndElement();
            for (Mount mount : s.mounts()) {
                writeMount(xml, mount);
            }
            element(xml, "fileserve", "1");
            xml.writeStartElement("paths");
            element(xml, "basedir", s.sharePath());
            element(xml, "logdir", s.serviceDir() + "/log");
            element(xml, "webroot", s.sharePath() + "/web");
            element(xml, "adminroot", s.sharePath() + "/admin");
            xml.writeEndElement();
            xml.writeStartElement("logging");
            element(xml, "accesslog", "access.log");
            element(xml, "errorlog", "error.log");
            element(xml, "loglevel", "3");
            xml.writeEndElement();
            xml.writeStartElement("security");
            element(xml, "chroot", "0");
            if (s.user() != null) {
                xml.writeStartElement("changeowner");
                element(xml, "user", s.user());
                element(xml, "group", s.group());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write icecast.xml", e);
        }
    }

    private static void writeMount(XMLStreamWriter xml, Mount mount) throws XMLStreamException {
        xml.writeStartElement("mount");
        xml.writeAttribute("type", "normal");
        element(xml, "mount-name", mount.name());
        optional(
                xml,
                "max-listeners",
                mount.maxListeners() == null ? null : mount.maxListeners().toString());
        optional(xml, "fallback-mount", mount.fallback());
        if (mount.fallback() != null) {
            // listeners move back once the source returns
            element(xml, "fallback-override", "1");
        }
        optional(xml, "stream-name", mount.streamName());
        optional(xml, "stream-description", mount.description());
        optional(xml, "genre", mount.genre());
        optional(xml, "stream-url", mount.url());
        element(xml, "public", mount.isPublic() ? "1" : "0");
        element(xml, "hidden", mount.hidden() ? "1" : "0");
        xml.writeEndElement();
    }

    private static void checkMount(String what, String name) {
        if (!MountPoint.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + ConfigFiles.requirePlain(what, name)
                    + "' must start with / and use letters, digits, . _ - only");
        }
    }

    private static void optional(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        if (value != null) {
            element(xml, name, value);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(ConfigFiles.requirePlain(name, value));
        xml.writeEndElement();
    }
}
