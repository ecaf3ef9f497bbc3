/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.castpanel.engine.api.ConfigField;
import org.castpanel.engine.api.EngineType;
import org.castpanel.engine.api.ListenerInfo;
import org.castpanel.engine.api.MediaKind;
import org.castpanel.engine.api.ServiceStats;
import org.castpanel.services.api.EngineInfo;
import org.castpanel.services.api.ServiceState;
import org.castpanel.services.api.ServiceStatistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The wire form is fixed here, field by field, whatever the SPI's records look like. */
class EngineJsonTest {

    /** What the API writes for {@code value}. */
    private static String json(Object value) throws Exception {
        return JsonProvider.MAPPER.writeValueAsString(value);
    }

    /** The expected JSON, written with single quotes, in the API's compact form. */
    private static String parse(String text) throws Exception {
        JsonNode tree = JsonProvider.MAPPER.readTree(text.replace('\'', '"'));
        return JsonProvider.MAPPER.writeValueAsString(tree);
    }

    @Test
    void engineKeepsItsWireShape() throws Exception {
        EngineType type = EngineType.server(
                "icecast",
                "Icecast 2",
                MediaKind.AUDIO,
                Set.of("mount-points", "listener-stats"),
                List.of(ConfigField.builder("mount", ConfigField.Type.TEXT)
                        .label("Mount")
                        .required()
                        .maxLength(64)
                        .pattern("/[a-z]+")
                        .build()),
                Set.of("icecast"));
        String wire =
                json(EngineJson.EngineInfo.of(new EngineInfo(type, "1.2.0", true, false, 3, "sc_serv is missing")));
        assertEquals(
                parse(
                        "{'type':{'id':'icecast','label':'Icecast 2','kind':'AUDIO','role':'SERVER',"
                                + "'capabilities':['listener-stats','mount-points'],"
                                + "'serviceConfig':[{'name':'mount','label':'Mount','type':'TEXT','required':true,"
                                + "'min':null,'max':64,'options':[],'secret':false,'defaultValue':null,'description':null,"
                                + "'pattern':'/[a-z]+'}],'sourceProtocols':['icecast']},"
                                + "'pluginVersion':'1.2.0','enabled':true,'available':false,'services':3,'problem':'sc_serv is missing'}"),
                wire);
    }

    @Test
    void statisticsAndListenersKeepTheirWireShape() throws Exception {
        ServiceStats sample = new ServiceStats(
                Instant.parse("2026-12-01T12:00:00Z"), 4, 9, 1234, true, "Artist - Title", Map.of("/live", 4));
        String current = json(EngineJson.Current.of(new ServiceStatistics.Current(7, ServiceState.RUNNING, sample)));
        assertEquals(
                parse("{'serviceId':7,'state':'RUNNING','sample':{'at':'2026-12-01T12:00:00Z','listeners':4,"
                        + "'peakListeners':9,'bytesOut':1234,'sourceConnected':true,'nowPlaying':'Artist - Title',"
                        + "'listenersPerMount':{'/live':4},'uniqueListeners':null,'viewersByProtocol':{}}}"),
                current);
        assertEquals(
                parse("{'serviceId':7,'state':'STOPPED','sample':null}"),
                json(EngineJson.Current.of(new ServiceStatistics.Current(7, ServiceState.STOPPED, null))));
        assertEquals(
                parse("{'serviceId':7,'samples':[],'transferBytesThisMonth':5}"),
                json(EngineJson.History.of(new ServiceStatistics.History(7, List.of(), 5))));
        assertEquals(
                parse("{'address':'192.0.2.1','userAgent':'VLC','connectedSeconds':30,'mount':null}"),
                json(EngineJson.ListenerInfo.of(new ListenerInfo("192.0.2.1", "VLC", 30))));
    }

    @Test
    void theEventStreamSendsSamplesInTheApisFormAndOtherDataAsItIs() throws Exception {
        ServiceStats sample = new ServiceStats(Instant.parse("2026-12-01T12:00:00Z"), 1, 2, 3, false, null, Map.of());
        assertEquals(
                parse("{'sample':{'at':'2026-12-01T12:00:00Z','listeners':1,'peakListeners':2,"
                        + "'bytesOut':3,'sourceConnected':false,'nowPlaying':null,'listenersPerMount':{},'uniqueListeners':null,'viewersByProtocol':{}},"
                        + "'serviceId':7}"),
                json(EventStreamResource.wire(new java.util.TreeMap<>(Map.of("serviceId", 7, "sample", sample)))));
        Map<String, Object> message = Map.of("serviceId", 7, "message", "hi");
        org.junit.jupiter.api.Assertions.assertSame(message, EventStreamResource.wire(message));
        assertEquals("{}", json(EventStreamResource.wire(null)));
    }
}
