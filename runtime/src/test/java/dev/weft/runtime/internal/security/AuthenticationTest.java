package dev.weft.runtime.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import dev.weft.runtime.internal.http.FakeRequest;
import dev.weft.runtime.http.HttpException;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import dev.weft.runtime.http.Response;
import dev.weft.runtime.middleware.Guard;
import dev.weft.runtime.generated.Guards;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticationTest {

    private static final Map<String, String> HS256 = Map.of(
            "jwt.secret", Tokens.SECRET, "jwt.issuer", Tokens.ISSUER, "jwt.audience", Tokens.AUDIENCE,
            "api-keys.clients.billing.key", "k-123456", "api-keys.clients.billing.roles", "billing, reports");

    private static Authentication authentication(Map<String, String> settings) {
        return Authentication.fromConfig(Config.just(ConfigSources.create(settings)));
    }

    /** Runs authentication, then the guard, as the server and a generated route do. */
    private static Request authenticate(Authentication authentication, Request request) throws Exception {
        authentication.handle(request, r -> Response.noContent());
        return request;
    }

    private static HttpException refused(Guard guard, Request request) {
        return assertThrows(HttpException.class, () -> guard.check(request).orThrow());
    }

    private static Request bearer(String token) {
        return FakeRequest.get("/").header("Authorization", "Bearer " + token);
    }

    @Test
    void aValidTokenGivesThePrincipalWithItsRoles() throws Exception {
        Request request = authenticate(authentication(HS256), bearer(Tokens.valid()));
        assertEquals(new Principal("ada", List.of("admin", "user")), request.attribute(Principal.ATTRIBUTE));
        Guards.authenticated().check(request).orThrow();
        Guards.rolesAllowed("admin").check(request).orThrow();
    }

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("garbled", "not.a.token"),
                Arguments.of("expired", Tokens.with(c -> c.expirationTime(Date.from(now.minusSeconds(120))))),
                Arguments.of("not yet valid", Tokens.with(c -> c.notBeforeTime(Date.from(now.plusSeconds(600))))),
                Arguments.of("wrong issuer", Tokens.with(c -> c.issuer("https://other.example"))),
                Arguments.of("wrong audience", Tokens.with(c -> c.audience("someone-else"))),
                Arguments.of("no issuer where one is configured", Tokens.with(c -> c.issuer(null))),
                Arguments.of("no audience where one is configured", Tokens.with(c -> c.audience((String) null))),
                Arguments.of("roles holding a null", Tokens.with(c -> c.claim("roles", Arrays.asList("user", null)))),
                Arguments.of("roles holding a number", Tokens.with(c -> c.claim("roles", List.of(1, 2)))),
                Arguments.of("no expiry", Tokens.with(c -> c.expirationTime(null))),
                Arguments.of("no subject", Tokens.with(c -> c.subject(null))),
                Arguments.of("alg none", Tokens.unsigned()),
                Arguments.of("wrong key", Tokens.hs256(Tokens.claims().build(), "another-secret-that-is-also-long-enough!!")),
                Arguments.of("RS256 where HS256 is configured", Tokens.rs256(Tokens.claims().build(), Tokens.rsaKeys())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokensWith401AndAnInvalidTokenChallenge(String name, String token) throws Exception {
        Request request = authenticate(authentication(HS256), bearer(token));
        assertNull(request.attribute(Principal.ATTRIBUTE), name);
        HttpException error = refused(Guards.authenticated(), request);
        assertEquals(401, error.status(), name);
        assertTrue(error.detail().startsWith("invalid bearer token: "), error.detail());
        // Weft's words, not the JWT library's: no class names, no quoted internals.
        assertFalse(error.detail().matches("(?s).*(com\\.|nimbus|Exception|JWS|JOSE|JWT rejected|serialized).*"),
                error.detail());
        assertTrue(error.headers().get("WWW-Authenticate").startsWith("Bearer realm=\"weft\", error=\"invalid_token\""),
                error.headers().toString());
    }

    @Test
    void refusesRolesHoldingANullNamingTheClaim() throws Exception {
        String token = Tokens.with(c -> c.claim("roles", Arrays.asList("user", null)));
        HttpException error = refused(Guards.authenticated(), authenticate(authentication(HS256), bearer(token)));
        assertEquals("invalid bearer token: the roles claim holds a null", error.detail());
        assertEquals("Bearer realm=\"weft\", error=\"invalid_token\", error_description=\"the roles claim holds a null\"",
                error.headers().get("WWW-Authenticate"));
    }

    /** RFC 6750: error_description is printable ASCII without '"' and '\\'; the header must stay well-formed. */
    @Test
    void theErrorDescriptionKeepsOnlyTheCharactersAChallengeAllows() {
        assertEquals("value ?x? is ?bad?? here?", JwtAuthenticator.descriptionText("value \"x\" is \\bad\u00e9\n here\u0000"));
    }

    @Test
    void theConfiguredClockSkewDecidesHowLateATokenMayBe() throws Exception {
        String expiredAMinuteAgo = Tokens.with(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(60))));
        Map<String, String> strict = new HashMap<>(HS256);
        strict.put("jwt.clock-skew", "PT0S");
        Map<String, String> lenient = new HashMap<>(HS256);
        lenient.put("jwt.clock-skew", "PT2M");

        assertEquals(401, refused(Guards.authenticated(), authenticate(authentication(HS256), bearer(expiredAMinuteAgo)))
                .status(), "the default skew is 30 s");
        assertEquals("ada", ((Principal) authenticate(authentication(lenient), bearer(expiredAMinuteAgo))
                .attribute(Principal.ATTRIBUTE)).subject());
        String expiredJustNow = Tokens.with(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(2))));
        assertEquals(401, refused(Guards.authenticated(), authenticate(authentication(strict), bearer(expiredJustNow)))
                .status());
    }

    @Test
    void readsThePublicKeyFromAFile(@TempDir Path folder) throws Exception {
        KeyPair keys = Tokens.rsaKeys();
        Path keyFile = Files.writeString(folder.resolve("issuer.pem"), Tokens.pem(keys));
        Authentication rs256 = authentication(Map.of("jwt.public-key-file", keyFile.toString()));
        assertEquals("ada", ((Principal) authenticate(rs256, bearer(Tokens.rs256(Tokens.claims().build(), keys)))
                .attribute(Principal.ATTRIBUTE)).subject());
        assertEquals(401, refused(Guards.authenticated(), authenticate(rs256,
                bearer(Tokens.rs256(Tokens.claims().build(), Tokens.rsaKeys())))).status(), "another key's token");

        Path missing = folder.resolve("missing.pem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> authentication(Map.of("jwt.public-key-file", missing.toString())));
        assertEquals("weft.security.jwt.public-key-file: cannot read " + missing, e.getMessage());
    }

    @Test
    void refusesAnEmptyApiKeyAtStartUp() {
        for (String empty : List.of("", "  ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> authentication(Map.of("api-keys.clients.billing.key", empty)));
            assertEquals("api-keys.clients.billing.key is empty: give the client a secret key, or remove it", e.getMessage());
        }
    }

    @Test
    void acceptsTokensWithinTheClockSkew() throws Exception {
        String justExpired = Tokens.with(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5))));
        assertEquals("ada", ((Principal) authenticate(authentication(HS256), bearer(justExpired))
                .attribute(Principal.ATTRIBUTE)).subject());
    }

    @Test
    void refusesAnHs256TokenSignedWithTheRsaPublicKeyWhereRs256IsConfigured() throws Exception {
        KeyPair keys = Tokens.rsaKeys();
        String pem = Tokens.pem(keys);
        Authentication rs256 = authentication(Map.of("jwt.public-key", pem, "jwt.issuer", Tokens.ISSUER));
        assertEquals("ada", ((Principal) authenticate(rs256, bearer(Tokens.rs256(Tokens.claims().build(), keys)))
                .attribute(Principal.ATTRIBUTE)).subject());
        // The classic confusion: the public key, which is public, used as an HMAC secret.
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), Tokens.claims().build());
        forged.sign(new MACSigner(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(401, refused(Guards.authenticated(), authenticate(rs256, bearer(forged.serialize()))).status());
    }

    @Test
    void verifiesEs256TokensWithAnEcPublicKeyAndNothingElse() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Authentication es256 = authentication(Map.of("jwt.public-key", Tokens.pem(keys)));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), Tokens.claims().build());
        jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
        assertEquals("ada", ((Principal) authenticate(es256, bearer(jwt.serialize()))
                .attribute(Principal.ATTRIBUTE)).subject());
        // An HS256 token, even a well-formed one, is not what an EC key verifies.
        assertEquals(401, refused(Guards.authenticated(), authenticate(es256, bearer(Tokens.valid()))).status());
    }

    /** Taking the first of two would let a proxy that checks the last and the server disagree on who calls. */
    @Test
    void refusesTwoAuthorizationHeadersWith400() {
        HttpException refused = assertThrows(HttpException.class, () -> authenticate(authentication(HS256),
                FakeRequest.get("/").headers("Authorization", "Bearer a.b.c", "Basic YWRhOnB3")));
        assertEquals(400, refused.status());
        assertEquals("header parameter 'Authorization' must be sent once, not 2 times", refused.detail());
    }

    @Test
    void leavesRequestsWithoutCredentialsAnonymousAndAsksForThem() throws Exception {
        Request anonymous = authenticate(authentication(HS256), FakeRequest.get("/"));
        HttpException error = refused(Guards.authenticated(), anonymous);
        assertEquals(401, error.status());
        assertEquals("this route needs authentication", error.detail());
        assertEquals("Bearer realm=\"weft\", ApiKey realm=\"weft\", header=\"X-API-Key\"",
                error.headers().get("WWW-Authenticate"));

        Request basic = authenticate(authentication(HS256), FakeRequest.get("/").header("Authorization", "Basic YWRhOnB3"));
        assertEquals(401, refused(Guards.authenticated(), basic).status());
    }

    @Test
    void refusesAnAuthenticatedPrincipalWithoutTheRoleWith403() throws Exception {
        Request user = authenticate(authentication(HS256), bearer(Tokens.with(c -> c.claim("roles", List.of("user")))));
        HttpException error = refused(Guards.rolesAllowed("admin", "auditor"), user);
        assertEquals(403, error.status());
        assertEquals("'ada' lacks the role this route needs: admin, auditor", error.detail());
    }

    @Test
    void authenticatesApiKeysAndRefusesUnknownOnes() throws Exception {
        Request known = authenticate(authentication(HS256), FakeRequest.get("/").header("X-API-Key", "k-123456"));
        assertEquals(new Principal("billing", List.of("billing", "reports")), known.attribute(Principal.ATTRIBUTE));

        Request unknown = authenticate(authentication(HS256), FakeRequest.get("/").header("X-API-Key", "k-654321"));
        HttpException error = refused(Guards.authenticated(), unknown);
        assertEquals(401, error.status());
        assertEquals("unknown API key", error.detail());
    }

    @Test
    void refusesWeakOrConflictingConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> authentication(Map.of("jwt.secret", "short")));
        assertThrows(IllegalArgumentException.class, () -> authentication(Map.of("jwt.public-key", "not a key")));
        assertThrows(IllegalArgumentException.class,
                () -> authentication(Map.of("jwt.secret", Tokens.SECRET, "jwt.public-key", Tokens.pem(Tokens.rsaKeys()))));
        assertNull(authentication(Map.of()));
    }
}
