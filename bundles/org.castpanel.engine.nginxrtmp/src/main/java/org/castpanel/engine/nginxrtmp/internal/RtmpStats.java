/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.nginxrtmp.internal;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads nginx-rtmp's {@code rtmp_stat} XML with a streaming parser: the streams of each application. */
final class RtmpStats {

    /** A connected RTMP client of a stream. */
    record Client(String address, String flashver, long seconds, boolean publishing) {}

    /** One stream of one application; bandwidths in bit/s. */
    record Stream(
            String app,
            String name,
            long bwIn,
            long bytesIn,
            long bwOut,
            long bytesOut,
            int clients,
            boolean publishing,
            List<Client> clientList) {}

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private RtmpStats() {}

    /** Streams keyed by {@code app/name}. */
    static Map<String, Stream> parse(String xml) {
        Map<String, Stream> streams = new HashMap<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            Deque<String> path = new ArrayDeque<>();
            String app = null;
            Map<String, String> stream = null;
            List<Client> clients = null;
            Map<String, String> client = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String parent = path.peek();
                    path.push(name);
                    if (name.equals("stream") && "live".equals(parent)) {
                        stream = new HashMap<>();
                        clients = new ArrayList<>();
                    } else if (name.equals("client") && stream != null && "stream".equals(parent)) {
                        client = new HashMap<>();
                    } else if (client != null && "client".equals(parent)) {
                        client.put(name, text(r, path));
                    } else if (stream != null && "stream".equals(parent) && !name.equals("meta")) {
                        stream.put(name, text(r, path));
                    } else if (name.equals("name") && "application".equals(parent)) {
                        app = text(r, path);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    if (name.equals("client") && client != null) {
                        clients.add(new Client(
                                client.get("address"),
                                client.get("flashver"),
                                number(client.get("time")) / 1000,
                                client.containsKey("publishing")));
                        client = null;
                    } else if (name.equals("stream") && stream != null) {
                        Stream s = new Stream(
                                app,
                                stream.get("name"),
                                number(stream.get("bw_in")),
                                number(stream.get("bytes_in")),
                                number(stream.get("bw_out")),
                                number(stream.get("bytes_out")),
                                (int) number(stream.get("nclients")),
                                stream.containsKey("publishing"),
                                clients);
                        streams.put(app + "/" + s.name(), s);
                        stream = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("nginx answered statistics that cannot be read: " + e.getMessage(), e);
        }
        return streams;
    }

    /** The element's text; an empty element ({@code <publishing/>}) has none and ends here. */
    private static String text(XMLStreamReader r, Deque<String> path) throws XMLStreamException {
        String text = r.getElementText();
        path.pop();
        return text;
    }

    private static long number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
