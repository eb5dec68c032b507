package org.hotlinehub.connectors.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.hotlinehub.model.InputText;

/**
 * Every text parameter of every resource (form fields of the portal and console, query and header parameters) is
 * cleaned of control characters by the one rule of {@link InputText}, as JSON bodies are ({@link JsonTextCleaning}).
 */
@Provider
public class TextParamCleaning implements ParamConverterProvider {

    private static final ParamConverter<String> CLEANED = new ParamConverter<>() {

        @Override
        public String fromString(String value) {
            return InputText.clean(value);
        }

        @Override
        public String toString(String value) {
            return value;
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == String.class ? (ParamConverter<T>) CLEANED : null;
    }
}
