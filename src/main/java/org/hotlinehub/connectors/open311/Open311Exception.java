package org.hotlinehub.connectors.open311;

import java.util.List;

/**
 * A request GeoReport v2 refuses, answered in the spec's error format: 404 for what does not exist, 403 for a
 * missing or wrong api_key, 400 for everything else; one answer may carry several errors.
 */
class Open311Exception extends RuntimeException {

    record Error(String code, String description) {
    }

    private final int status;
    private final List<Error> errors;

    Open311Exception(int status, List<Error> errors) {
        super(errors.isEmpty() ? "error " + status : errors.get(0).description());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    static Open311Exception of(int status, String description) {
        return new Open311Exception(status, List.of(new Error(String.valueOf(status), description)));
    }

    int status() {
        return status;
    }

    List<Error> errors() {
        return errors;
    }
}
