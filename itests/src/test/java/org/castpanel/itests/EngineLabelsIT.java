/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Fixtures;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Engine settings in the caller's language: plugins ship translations
 * (CASTPANEL-INF/i18n/&lt;type&gt;_&lt;language&gt;.properties) and the API answers in the language of
 * Accept-Language, English where there is none.
 */
@WithPanel("h2")
class EngineLabelsIT {

    private static JsonNode field(JsonNode type, String name) {
        for (JsonNode f : type.get("serviceConfig")) {
            if (name.equals(f.get("name").asText())) {
                return f;
            }
        }
        throw new AssertionError("no setting " + name + " in " + type);
    }

    @Test
    void engineSettingsComeInTheCallersLanguageWhereThePluginShipsIt(Panel panel) {
        Api.As admin = panel.admin();
        JsonNode english = admin.get("/engines/icecast").expect(200).body().get("type");
        JsonNode german = admin.getIn("/engines/icecast", "de-DE,de;q=0.9,en;q=0.5")
                .expect(200)
                .body()
                .get("type");
        JsonNode french =
                admin.getIn("/engines/icecast", "fr").expect(200).body().get("type");
        assertEquals("Mount point", field(english, "mount").get("label").asText());
        assertEquals("Einhängepunkt", field(german, "mount").get("label").asText());
        assertEquals(
                "Wird von Playern und Verzeichnissen angezeigt",
                field(german, "streamName").get("description").asText());
        assertEquals("Genre", field(german, "genre").get("label").asText());
        assertEquals(field(english, "mount"), field(french, "mount"), "no French texts: English");
        assertEquals(
                field(english, "mount").get("pattern"),
                field(german, "mount").get("pattern"),
                "only texts change, never the rules");

        Fixtures.Tenant t = Fixtures.tenant(panel.api(), admin);
        JsonNode form = t.resellerApi()
                .getIn("/services/form?ownerId=" + t.customerId(), "de")
                .expect(200)
                .body();
        for (JsonNode e : form.get("engineTypes")) {
            if ("nginx-rtmp".equals(e.at("/type/id").asText())) {
                assertEquals(
                        "Sendungen aufzeichnen",
                        field(e.get("type"), "record").get("label").asText());
                return;
            }
        }
        throw new AssertionError("the form offers nginx-rtmp: " + form);
    }
}
