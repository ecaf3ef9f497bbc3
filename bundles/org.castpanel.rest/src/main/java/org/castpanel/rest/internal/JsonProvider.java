/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON for every CastPanel resource, with one configured mapper: ISO-8601 instants, unknown
 * request fields refused (a typo must not silently do nothing), and malformed bodies answered
 * with a 400 in CastPanel's error shape naming the field.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    static final String NAME = "castpanel.json";
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";

    private static final java.util.List<Class<?>> RAW_TYPES =
            java.util.List.of(byte[].class, String.class, InputStream.class, javax.ws.rs.core.StreamingOutput.class);

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // the runtime owns the stream: closing it would end an event stream after its first event
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType);
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        try {
            Object value = MAPPER.readValue(entityStream, MAPPER.constructType(genericType));
            if (value == null) {
                throw new BadRequestException(
                        Errors.response(Errors.Status.BAD_REQUEST, "bad_request", "a JSON body is required", null));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestException(Errors.response(
                    Errors.Status.BAD_REQUEST,
                    "bad_request",
                    "unknown field '" + e.getPropertyName() + "'",
                    e.getPropertyName()));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new BadRequestException(Errors.response(
                    Errors.Status.BAD_REQUEST,
                    "bad_request",
                    (field.isEmpty() ? "the body" : "field '" + field + "'") + " has the wrong type or shape: "
                            + e.getOriginalMessage(),
                    field.isEmpty() ? null : field));
        } catch (JsonProcessingException e) {
            throw new BadRequestException(Errors.response(
                    Errors.Status.BAD_REQUEST, "bad_request", "malformed JSON: " + e.getOriginalMessage(), null));
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // ready-made bodies (the OpenAPI document, files) go out through the runtime's own writers
        return isJson(mediaType) && !RAW_TYPES.stream().anyMatch(raw -> raw.isAssignableFrom(type));
    }

    @Override
    public void writeTo(
            Object value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        MAPPER.writeValue(entityStream, value);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null
                || mediaType.isWildcardType()
                || ("application".equals(mediaType.getType())
                        && mediaType.getSubtype().endsWith("json"));
    }
}
