package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.http.conn.params.ConnRoutePNames;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Requests from another client address: every 127.x.y.z address reaches the test hub over loopback, so a test can
 * be two clients (an attacker and the owner of an account) without a proxy.
 */
public final class Addresses {

    private Addresses() {
    }

    /** A request whose connection comes from {@code address} (such as 127.0.0.2), not following redirects. */
    public static RequestSpecification from(String address) {
        try {
            return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam(ConnRoutePNames.LOCAL_ADDRESS, InetAddress.getByName(address))))
                    .redirects().follow(false);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
