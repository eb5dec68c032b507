package org.hotlinehub.connectors.api;

/** The one error shape of every JSON API of the hub. */
public record ApiError(Error error) {

    public record Error(int status, String code, String message) {
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(new Error(status, code, message));
    }
}
