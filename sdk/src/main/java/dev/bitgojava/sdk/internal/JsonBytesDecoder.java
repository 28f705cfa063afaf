package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import dev.bitgojava.client.model.ApiResponse;
import feign.Response;
import feign.Types;
import feign.Util;
import feign.codec.Decoder;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 JSON bodies into model types with Jackson's byte parser, straight from the body's stream, where
 * Feign's {@code JacksonDecoder} goes through a {@code Reader} (bytes to chars, then a char parser). Same results:
 * 404 and 204 give the type's empty value, a missing or empty body gives null. {@code ApiResponse<T>}, binary
 * types ({@code byte[]}, {@code InputStream}, {@code File}) and other charsets go to the generated decoder.
 */
public final class JsonBytesDecoder implements Decoder {

    private final Decoder delegate;
    private final ObjectMapper mapper;

    /** Wraps the generated decoder, which handles everything but plain JSON model types. */
    public JsonBytesDecoder(Decoder delegate, ObjectMapper mapper) {
        this.delegate = delegate;
        this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (!isPlainJsonType(type) || !StandardCharsets.UTF_8.equals(response.charset())) {
            return delegate.decode(response, type);
        }
        if (response.status() == 404 || response.status() == 204) {
            return Util.emptyValueOf(type);
        }
        if (response.body() == null) {
            return null;
        }
        JavaType javaType = mapper.constructType(type);
        try (InputStream in = response.body().asInputStream(); JsonParser parser = mapper.createParser(in)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return mapper.readValue(parser, javaType);
        } catch (RuntimeJsonMappingException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static boolean isPlainJsonType(Type type) {
        if (type instanceof ParameterizedType p && Types.getRawType(p).isAssignableFrom(ApiResponse.class)) {
            return false;
        }
        Class<?> raw = Types.getRawType(type);
        return !(File.class.isAssignableFrom(raw) || byte[].class.isAssignableFrom(raw)
                || InputStream.class.isAssignableFrom(raw) || Response.class.isAssignableFrom(raw));
    }
}
