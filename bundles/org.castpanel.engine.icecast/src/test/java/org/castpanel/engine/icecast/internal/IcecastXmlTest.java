/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.engine.icecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class IcecastXmlTest {

    static IcecastXml.Settings settings(IcecastXml.Mount... mounts) {
        return new IcecastXml.Settings(
                "radio.example",
                "0.0.0.0",
                8000,
                15,
                "src",
                "adm",
                "rel",
                List.of(mounts),
                "/srv/service_1",
                "/usr/share/icecast2",
                null,
                null);
    }

    static IcecastXml.Mount mount(String name, String text, String url) {
        return new IcecastXml.Mount(name, 10, null, false, false, text, text, text, url);
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void customerTextCannotAddConfiguration() throws Exception {
        String evil = "</stream-name><mount><mount-name>/x</mount-name></mount><![CDATA[ & \" ' >";
        Document doc = parse(IcecastXml.write(settings(
                mount("/live", evil, "http://a.example/?a=1&b=<2>"),
                new IcecastXml.Mount("/two", 3, "/live", true, false, evil, evil, evil, null))));
        assertEquals(2, doc.getElementsByTagName("mount").getLength(), "exactly the two mounts");
        assertEquals(evil, doc.getElementsByTagName("stream-name").item(0).getTextContent(), "the text stays text");
        assertEquals(evil, doc.getElementsByTagName("genre").item(1).getTextContent());
        assertEquals(
                "http://a.example/?a=1&b=<2>",
                doc.getElementsByTagName("stream-url").item(0).getTextContent());
        assertEquals("/live", doc.getElementsByTagName("mount-name").item(0).getTextContent());
        assertEquals("src", doc.getElementsByTagName("source-password").item(0).getTextContent());
        assertEquals("3", doc.getElementsByTagName("sources").item(0).getTextContent(), "a source per mount + relay");
    }

    @Test
    void extraMountsCarryTheirLimitsFallbackAndVisibility() throws Exception {
        Document doc = parse(IcecastXml.write(settings(
                mount("/live", "Main", null),
                new IcecastXml.Mount("/low", 3, "/live", true, false, "Low", null, null, null))));
        Element low = (Element) doc.getElementsByTagName("mount").item(1);
        assertEquals("/low", low.getElementsByTagName("mount-name").item(0).getTextContent());
        assertEquals("3", low.getElementsByTagName("max-listeners").item(0).getTextContent());
        assertEquals("/live", low.getElementsByTagName("fallback-mount").item(0).getTextContent());
        assertEquals("1", low.getElementsByTagName("hidden").item(0).getTextContent());
        Element main = (Element) doc.getElementsByTagName("mount").item(0);
        assertEquals(0, main.getElementsByTagName("fallback-mount").getLength());
        assertEquals("0", main.getElementsByTagName("hidden").item(0).getTextContent());
    }

    @Test
    void lineBreaksAndOddMountsAreRefused() {
        assertThrows(
                IllegalArgumentException.class, () -> IcecastXml.write(settings(mount("/live", "ok\n<evil/>", null))));
        assertThrows(IllegalArgumentException.class, () -> IcecastXml.write(settings(mount("live", "ok", null))));
        assertThrows(IllegalArgumentException.class, () -> IcecastXml.write(settings(mount("/a b", "ok", null))));
        assertThrows(IllegalArgumentException.class, () -> IcecastXml.write(settings(mount("/../../etc", "ok", null))));
        assertThrows(
                IllegalArgumentException.class,
                () -> IcecastXml.write(settings(
                        new IcecastXml.Mount("/a", null, "/b\n</mount>", false, false, null, null, null, null))));
    }
}
