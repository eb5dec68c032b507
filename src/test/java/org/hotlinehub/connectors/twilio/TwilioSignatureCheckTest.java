package org.hotlinehub.connectors.twilio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.hotlinehub.config.HubConfig;
import org.junit.jupiter.api.Test;

/**
 * The signature check on Twilio's own test vector (docs/contract.md, "Twilio signature"), and its refusal when there is
 * no token.
 */
class TwilioSignatureCheckTest {

    static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+14158675309",
            "Digits", "1234", "From", "+14158675309", "To", "+18005551212");

    private static TwilioSignatureCheck check(String baseUrl, Optional<String> token) {
        return check(baseUrl, token, true);
    }

    private static TwilioSignatureCheck check(String baseUrl, Optional<String> token, boolean signatureCheck) {
        HubConfig.Twilio twilio = (HubConfig.Twilio) Proxy.newProxyInstance(HubConfig.class.getClassLoader(),
                new Class<?>[]{HubConfig.Twilio.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "authToken" -> token;
                    case "signatureCheck" -> signatureCheck;
                    default -> Optional.empty();
                });
        TwilioSignatureCheck check = new TwilioSignatureCheck();
        check.config = (HubConfig) Proxy.newProxyInstance(HubConfig.class.getClassLoader(),
                new Class<?>[]{HubConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "publicBaseUrl" -> baseUrl;
                    case "twilio" -> twilio;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        check.init();
        return check;
    }

    @Test
    void shouldAcceptTwiliosTestVectorWithAndWithoutTheDefaultPort() {
        assertTrue(check("https://mycompany.com", Optional.of("12345")).valid("/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertTrue(check("https://mycompany.com:443/", Optional.of("12345")).valid("/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Test
    void shouldRefuseWhenAnythingDiffers() {
        TwilioSignatureCheck check = check("https://mycompany.com", Optional.of("12345"));
        assertFalse(check.valid("/myapp.php?foo=1&bar=3", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertFalse(check.valid("/myapp.php?foo=1&bar=2", Map.of("CallSid", "CA1234567890ABCDE"),
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
        assertFalse(check.valid("/myapp.php?foo=1&bar=2", PARAMS, null));
        assertFalse(check("https://mycompany.com", Optional.of("54321")).valid("/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Test
    void shouldRefuseEverythingWithoutAnAuthToken() {
        assertFalse(check("https://mycompany.com", Optional.empty()).valid("/myapp.php?foo=1&bar=2", PARAMS,
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    @Test
    void shouldKeepCheckingInThePackagedHubEvenWhenTheCheckIsSwitchedOff() {
        // Outside dev and test mode (LaunchMode NORMAL here) hub.twilio.signature-check=false is ignored
        TwilioSignatureCheck check = check("https://mycompany.com", Optional.of("12345"), false);
        assertFalse(check.valid("/myapp.php?foo=1&bar=2", PARAMS, "not-a-signature"));
        assertFalse(check.valid("/myapp.php?foo=1&bar=2", PARAMS, null));
        assertTrue(check.valid("/myapp.php?foo=1&bar=2", PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }
}
