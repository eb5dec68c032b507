package org.hotlinehub.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * WireMock standing in for an OpenID Connect provider (discovery, JWKS, authorization and token endpoints), so the
 * hub's single sign-on runs the real authorization code flow over HTTP. {@link #signInAs} decides who the next visitor
 * to the authorization endpoint is: it answers with a one-time code, and the token endpoint exchanges that code for an
 * ID token signed with the provider's key (or a foreign one, to prove forged tokens are refused).
 */
public class OidcProviderStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "hotline-hub";
    public static final String CLIENT_SECRET = "test-client-secret";
    private static final String REALM = "/realms/hub";
    private static final KeyPair PROVIDER_KEY = rsa();
    private static final KeyPair FOREIGN_KEY = rsa();
    private static final AtomicInteger CODES = new AtomicInteger();

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = issuer();
        server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration")).willReturn(json("{"
                + "\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/auth\","
                + "\"token_endpoint\":\"" + issuer + "/token\","
                + "\"jwks_uri\":\"" + issuer + "/certs\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        RSAPublicKey key = (RSAPublicKey) PROVIDER_KEY.getPublic();
        server.stubFor(get(urlPathEqualTo(REALM + "/certs")).willReturn(json("{\"keys\":[{\"kty\":\"RSA\","
                + "\"kid\":\"provider-key\",\"use\":\"sig\",\"alg\":\"RS256\","
                + "\"n\":\"" + base64Url(key.getModulus().toByteArray()) + "\","
                + "\"e\":\"" + base64Url(key.getPublicExponent().toByteArray()) + "\"}]}")));
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", CLIENT_SECRET,
                "hub.sso.operator-roles", "hotline-operators",
                "hub.sso.supervisor-roles", "hotline-supervisors,hotline-leads",
                "hub.sso.admin-roles", "hotline-admins");
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The next sign-in at the provider is this user, member of these groups. */
    public static void signInAs(String username, List<String> groups) {
        nextSignIn(username, groups, PROVIDER_KEY.getPrivate());
    }

    /** The next sign-in hands out an ID token signed with a key the provider never published. */
    public static void signInWithForgedToken(String username, List<String> groups) {
        nextSignIn(username, groups, FOREIGN_KEY.getPrivate());
    }

    private static void nextSignIn(String username, List<String> groups, PrivateKey signer) {
        String code = "code-" + CODES.incrementAndGet();
        server.stubFor(get(urlPathEqualTo(REALM + "/auth")).willReturn(aResponse().withStatus(302)
                .withTransformers("response-template")
                .withHeader("Location", "{{request.query.redirect_uri}}?code=" + code
                        + "&state={{request.query.state}}")));
        String idToken = Jwt.issuer(issuer()).audience(CLIENT_ID).subject("sub-" + username)
                .claim("preferred_username", username).groups(Set.copyOf(groups))
                .jws().keyId("provider-key").sign(signer);
        server.stubFor(post(urlPathEqualTo(REALM + "/token")).withRequestBody(containing("code=" + code))
                .willReturn(json("{\"access_token\":\"opaque-" + code + "\",\"token_type\":\"Bearer\","
                        + "\"expires_in\":300,\"id_token\":\"" + idToken + "\"}")));
    }

    private static String issuer() {
        return "http://localhost:" + server.port() + REALM;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String base64Url(byte[] bigEndian) {
        int skip = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0; // unsigned, as JWK wants it
        byte[] bytes = java.util.Arrays.copyOfRange(bigEndian, skip, bigEndian.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
