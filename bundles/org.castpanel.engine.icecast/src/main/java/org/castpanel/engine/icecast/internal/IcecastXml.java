package org.castpanel.engine.icecast.internal;

import java.io.StringWriter;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.castpanel.engine.api.platform.ConfigFiles;

/**
 * Writes icecast.xml with a real XML writer: every value is character data, escaped by the writer,
 * so no customer text (service name, mount, description, genre, URL) can close its element or add
 * one. Control characters are refused before that; mount names are checked against a pattern.
 */
final class IcecastXml {

    static final Pattern MOUNT = Pattern.compile("/[A-Za-z0-9._-]{1,63}");

    /** Everything that goes into one service's config file. */
    record Settings(String hostname, String bindAddress, int port, int maxClients, String sourcePassword,
            String adminPassword, String relayPassword, String mount, Integer mountMaxListeners, String streamName,
            String description, String genre, String url, boolean isPublic, String serviceDir, String sharePath,
            String user, String group) {
    }

    private IcecastXml() {
    }

    static String write(Settings s) {
        if (!MOUNT.matcher(s.mount()).matches()) {
            throw new IllegalArgumentException("mount point '" + ConfigFiles.requirePlain("mount", s.mount())
                    + "' must start with / and use letters, digits, . _ - only");
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("icecast");
            element(xml, "location", "CastPanel");
            element(xml, "admin", "admin@" + s.hostname());
            element(xml, "hostname", s.hostname());
            xml.writeStartElement("limits");
            element(xml, "clients", Integer.toString(s.maxClients()));
            element(xml, "sources", "2");
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
            xml.writeStartElement("mount");
            xml.writeAttribute("type", "normal");
            element(xml, "mount-name", s.mount());
            if (s.mountMaxListeners() != null) {
                element(xml, "max-listeners", Integer.toString(s.mountMaxListeners()));
            }
            if (s.streamName() != null) {
                element(xml, "stream-name", s.streamName());
            }
            if (s.description() != null) {
                element(xml, "stream-description", s.description());
            }
            if (s.genre() != null) {
                element(xml, "genre", s.genre());
            }
            if (s.url() != null) {
                element(xml, "stream-url", s.url());
            }
            element(xml, "public", s.isPublic() ? "1" : "0");
            xml.writeEndElement();
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

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(ConfigFiles.requirePlain(name, value));
        xml.writeEndElement();
    }
}
