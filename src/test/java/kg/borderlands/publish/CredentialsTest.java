package kg.borderlands.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest {
    @Test
    void theEnvironmentGivesCredentialsWhenNoOptionDoes() {
        Credentials c = Credentials.resolve(null, null, null,
                Map.of(Credentials.ENV_USER, "editor", Credentials.ENV_PASSWORD, "pw-Zq81x"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("editor:pw-Zq81x".getBytes(StandardCharsets.UTF_8)),
                c.authorizationHeader().orElseThrow());
        assertEquals("basic (user editor)", c.toString());

        Credentials t = Credentials.resolve(null, null, null, Map.of(Credentials.ENV_TOKEN, "tok-7Hq2v"));
        assertEquals("Bearer tok-7Hq2v", t.authorizationHeader().orElseThrow());
        assertFalse(t.toString().contains("tok-7Hq2v"));
    }

    @Test
    void anOptionOverridesItsVariable() {
        Credentials c = Credentials.resolve(null, null, "tok-option", Map.of(Credentials.ENV_TOKEN, "tok-env"));
        assertEquals("Bearer tok-option", c.authorizationHeader().orElseThrow());
    }

    @Test
    void noCredentialsSendNoHeader() {
        assertTrue(Credentials.resolve(null, null, null, Map.of()).authorizationHeader().isEmpty());
    }

    @Test
    void mixedOrHalfCredentialsAreRefused() {
        var both = assertThrows(IllegalArgumentException.class,
                () -> Credentials.resolve("u", null, null, Map.of(Credentials.ENV_TOKEN, "tok-env")));
        assertTrue(both.getMessage().startsWith("BKG-E304 "), both.getMessage());
        var half = assertThrows(IllegalArgumentException.class,
                () -> Credentials.resolve(null, null, null, Map.of(Credentials.ENV_PASSWORD, "pw")));
        assertTrue(half.getMessage().startsWith("BKG-E304 basic authentication needs both"), half.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Credentials.bearer("has space"));
    }
}
