package org.castpanel.engine.icecast.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class IcecastXmlTest {

    static IcecastXml.Settings settings(String name, String description, String genre, String url, String mount) {
        return new IcecastXml.Settings("radio.example", "0.0.0.0", 8000, 15, "src", "adm", "rel", mount, 10, name,
                description, genre, url, false, "/srv/service_1", "/usr/share/icecast2", null, null);
    }

    @Test
    void customerTextCannotAddConfiguration() throws Exception {
        String evil = "</stream-name><mount><mount-name>/x</mount-name></mount><![CDATA[ & \" ' >";
        String xml = IcecastXml.write(settings(evil, evil, evil, "http://a.example/?a=1&b=<2>", "/live"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, doc.getElementsByTagName("mount").getLength(), "still exactly one mount");
        assertEquals(evil, doc.getElementsByTagName("stream-name").item(0).getTextContent(), "the text stays text");
        assertEquals(evil, doc.getElementsByTagName("genre").item(0).getTextContent());
        assertEquals("/live", doc.getElementsByTagName("mount-name").item(0).getTextContent());
        assertEquals("src", doc.getElementsByTagName("source-password").item(0).getTextContent());
    }

    @Test
    void lineBreaksAndOddMountsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> IcecastXml.write(settings("ok\n<evil/>", null, null, null, "/live")));
        assertThrows(IllegalArgumentException.class, () -> IcecastXml.write(settings("ok", null, null, null, "live")));
        assertThrows(IllegalArgumentException.class,
                () -> IcecastXml.write(settings("ok", null, null, null, "/a b")));
        assertThrows(IllegalArgumentException.class,
                () -> IcecastXml.write(settings("ok", null, null, null, "/../../etc")));
    }
}
