package org.hotlinehub.connectors.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.vertx.core.http.HttpServerRequest;

/**
 * Which parameter of a resource method could not be converted to its type ({@code limit=abc},
 * {@code offset=99999999999}). Quarkus REST only says that one could not (JAX-RS answers 404 for a query or path
 * parameter); the hub answers 400 and names it.
 */
final class ParameterProblems {

    private ParameterProblems() {
    }

    /** The first parameter whose value does not convert, as "limit 'abc' is not a whole number (…)". */
    static Optional<String> of(Method method, HttpServerRequest request, UriInfo uri) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter p : method.getParameters()) {
            Class<?> type = p.getType();
            if (type == String.class) {
                continue;
            }
            for (Annotation a : p.getAnnotations()) {
                String value = value(a, p, request, uri);
                if (value != null && !converts(type, value)) {
                    return Optional.of(name(a, p) + " '" + shortened(value) + "' is not " + expected(type));
                }
            }
        }
        return Optional.empty();
    }

    private static String value(Annotation a, Parameter p, HttpServerRequest request, UriInfo uri) {
        String name = name(a, p);
        if (a instanceof QueryParam || a instanceof RestQuery) {
            return request.getParam(name);
        }
        if (a instanceof PathParam || a instanceof RestPath) {
            return uri == null ? null : uri.getPathParameters().getFirst(name);
        }
        if (a instanceof FormParam || a instanceof RestForm) {
            return request.getFormAttribute(name);
        }
        if (a instanceof HeaderParam || a instanceof RestHeader) {
            return request.getHeader(name);
        }
        return null;
    }

    private static String name(Annotation a, Parameter p) {
        String name = wireName(a);
        return name == null || name.isEmpty() ? p.getName() : name;
    }

    /** The name a parameter annotation gives on the wire ("" to use the Java name), or null for other annotations. */
    static String wireName(Annotation a) {
        return a instanceof QueryParam q
                ? q.value()
                : a instanceof PathParam q
                        ? q.value()
                        : a instanceof FormParam q
                                ? q.value()
                                : a instanceof HeaderParam q
                                        ? q.value()
                                        : a instanceof RestQuery q
                                                ? q.value()
                                                : a instanceof RestPath q
                                                        ? q.value()
                                                        : a instanceof RestForm q
                                                                ? q.value()
                                                                : a instanceof RestHeader q ? q.value() : null;
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type.isEnum()) {
                return java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name()
                        .equals(value));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "one of the values it takes";
    }

    private static String shortened(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
