/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.castpanel.engine.api.ListenerInfo;

/**
 * Reads icecast's admin XML ({@code /admin/stats}, {@code /admin/listclients}) with a streaming
 * parser: one {@link Source} per mount that has a source connected, and the listeners of a mount.
 */
final class IcecastStats {

    /** A mount with a live source, as icecast counts it. */
    record Source(
            String mount,
            int listeners,
            int peakListeners,
            long bytesSent,
            long bytesRead,
            String title,
            String streamStart) {}

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private IcecastStats() {}

    /** The {@code <source>} blocks of {@code /admin/stats}, by mount. */
    static Map<String, Source> sources(String xml) {
        Map<String, Source> sources = new LinkedHashMap<>();
        forEachSource(
                xml,
                (mount, fields, listeners) -> sources.put(
                        mount,
                        new Source(
                                mount,
                                (int) number(fields.get("listeners")),
                                (int) number(fields.get("listener_peak")),
                                number(fields.get("total_bytes_sent")),
                                number(fields.get("total_bytes_read")),
                                fields.get("title"),
                                fields.get("stream_start_iso8601"))));
        return sources;
    }

    /** The listeners of {@code /admin/listclients?mount=…}. */
    static List<ListenerInfo> listeners(String xml) {
        List<ListenerInfo> all = new ArrayList<>();
        forEachSource(xml, (mount, fields, listeners) -> {
            for (Map<String, String> l : listeners) {
                all.add(new ListenerInfo(l.get("IP"), l.get("UserAgent"), number(l.get("Connected")), mount));
            }
        });
        return all;
    }

    private interface SourceVisitor {
        void visit(String mount, Map<String, String> fields, List<Map<String, String>> listeners);
    }

    /** Walks {@code <icestats><source mount=…>fields…<listener>fields…</listener></source>}. */
    private static void forEachSource(String xml, SourceVisitor visitor) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            String mount = null;
            Map<String, String> fields = null;
            List<Map<String, String>> listeners = null;
            Map<String, String> listener = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("source") && r.getAttributeValue(null, "mount") != null) {
                        mount = r.getAttributeValue(null, "mount");
                        fields = new LinkedHashMap<>();
                        listeners = new ArrayList<>();
                    } else if (mount != null && name.equals("listener")) {
                        listener = new LinkedHashMap<>();
                    } else if (mount != null) {
                        String text = r.getElementText();
                        (listener != null ? listener : fields).put(name, text);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("listener") && listener != null) {
                        listeners.add(listener);
                        listener = null;
                    } else if (r.getLocalName().equals("source") && mount != null) {
                        visitor.visit(mount, fields, listeners);
                        mount = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("icecast answered XML that cannot be read: " + e.getMessage(), e);
        }
    }

    private static long number(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0; // "unlimited" and the like
        }
    }
}
