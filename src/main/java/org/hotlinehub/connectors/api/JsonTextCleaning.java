package org.hotlinehub.connectors.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import org.hotlinehub.model.InputText;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every string of every JSON body the hub reads (the REST API, the partner API, the console's calls) is cleaned of
 * control characters by the one rule of {@link InputText}, so a NUL in a note is neither a 500 nor a dead letter.
 */
@Singleton
public class JsonTextCleaning implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("hub-text-cleaning").addDeserializer(String.class, new Cleaned()));
    }

    static final class Cleaned extends StdScalarDeserializer<String> {

        Cleaned() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return InputText.clean(StringDeserializer.instance.deserialize(parser, context));
        }
    }
}
