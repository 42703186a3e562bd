package dev.weft.runtime.internal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.weft.runtime.http.Principal;
import dev.weft.runtime.http.Request;
import io.helidon.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bearer JWT authentication (RFC 6750), verified with Nimbus JOSE+JWT.
 *
 * <p>Exactly one algorithm is accepted, the one of the configured key: HS256 for a shared secret,
 * RS256 for an RSA public key, ES256 for an EC P-256 public key. So {@code alg: none}, and a token
 * signed with another algorithm than the key's (the "algorithm confusion" attack) are refused.
 * {@code exp} is required and checked, {@code nbf} is checked when present, {@code iss} and
 * {@code aud} when configured; {@code sub} names the principal, and a claim (default
 * {@code roles}, an array of strings) its roles.
 *
 * <p>Configuration under {@code weft.security.jwt}: {@code secret} (HS256, at least 32 bytes) or
 * {@code public-key} / {@code public-key-file} (PEM); {@code issuer}; {@code audience};
 * {@code roles-claim}; {@code clock-skew} (default PT30S).
 */
public final class JwtAuthenticator implements Authenticator {

    private static final String BEARER = "bearer ";

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String rolesClaim;
    private final String challenge;

    JwtAuthenticator(JWSAlgorithm algorithm, JWKSource<SecurityContext> keys, String issuer, String audience,
            String rolesClaim, Duration clockSkew) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        JWTClaimsSet.Builder exactClaims = new JWTClaimsSet.Builder();
        if (issuer != null) {
            exactClaims.issuer(issuer);
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience == null ? null : Set.of(audience), exactClaims.build(), Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        this.rolesClaim = rolesClaim;
        this.challenge = "Bearer realm=\"weft\"";
    }

    /** RS256 or ES256, after the kind of the PEM public key ({@code BEGIN PUBLIC KEY}, X.509). */
    static JwtAuthenticator publicKey(String pem, String issuer, String audience, String rolesClaim,
            Duration clockSkew) {
        PublicKey key = parsePublicKey(pem);
        JWK jwk;
        JWSAlgorithm algorithm;
        if (key instanceof RSAPublicKey rsa) {
            jwk = new RSAKey.Builder(rsa).build();
            algorithm = JWSAlgorithm.RS256;
        } else if (key instanceof ECPublicKey ec && Curve.forECParameterSpec(ec.getParams()) == Curve.P_256) {
            jwk = new ECKey.Builder(Curve.P_256, ec).build();
            algorithm = JWSAlgorithm.ES256;
        } else {
            throw new IllegalArgumentException(
                    "weft.security.jwt: only RSA (RS256) and EC P-256 (ES256) public keys are supported");
        }
        return new JwtAuthenticator(algorithm, new ImmutableJWKSet<>(new JWKSet(jwk)), issuer, audience,
                rolesClaim, clockSkew);
    }

    private static PublicKey parsePublicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("weft.security.jwt: the public key is not PEM (BEGIN PUBLIC KEY)", e);
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisKind) {
                // try the next kind
            }
        }
        throw new IllegalArgumentException("weft.security.jwt: the public key is neither an RSA nor an EC key");
    }

    static Optional<Authenticator> fromConfig(Config jwt) {
        String issuer = jwt.get("issuer").asString().orElse(null);
        String audience = jwt.get("audience").asString().orElse(null);
        String rolesClaim = jwt.get("roles-claim").asString().orElse("roles");
        Duration skew = jwt.get("clock-skew").as(Duration.class).orElse(Duration.ofSeconds(30));
        Optional<String> secret = jwt.get("secret").asString().filter(s -> !s.isEmpty());
        Optional<String> pem = jwt.get("public-key").asString().filter(s -> !s.isEmpty())
                .or(() -> jwt.get("public-key-file").asString().map(JwtAuthenticator::readFile));
        if (secret.isPresent() && pem.isPresent()) {
            throw new IllegalArgumentException("weft.security.jwt: set either secret (HS256) or a public key, not both");
        }
        if (secret.isPresent()) {
            byte[] bytes = secret.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalArgumentException("weft.security.jwt.secret needs at least 32 bytes for HS256");
            }
            return Optional.of(new JwtAuthenticator(JWSAlgorithm.HS256, new ImmutableSecret<>(bytes), issuer,
                    audience, rolesClaim, skew));
        }
        return pem.map(key -> publicKey(key, issuer, audience, rolesClaim, skew));
    }

    @Override
    public String challenge() {
        return challenge;
    }

    @Override
    public Authentication.Outcome authenticate(Request request) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Authentication.Outcome.none();
        }
        String token = authorization.substring(BEARER.length()).trim();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            return refused(reason(e));
        }
        try {
            return Authentication.Outcome.authenticated(new Principal(claims.getSubject(), roles(claims)));
        } catch (ParseException e) {
            return refused(e.getMessage());
        }
    }

    private Authentication.Outcome refused(String message) {
        return Authentication.Outcome.refused("invalid bearer token: " + message,
                    challenge + ", error=\"invalid_token\", error_description=\"" + descriptionText(message) + "\"");
    }

    /**
     * Why a token was refused, in Weft's words: the library's own messages name its classes and
     * quote its internals, which are no business of the client's.
     */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        if (e instanceof ParseException || e instanceof IllegalArgumentException) {
            return "the token is not a well-formed JWT";
        }
        if (e instanceof com.nimbusds.jose.proc.BadJWSException) {
            return "the signature does not verify";
        }
        if (e instanceof com.nimbusds.jwt.proc.BadJWTException) {
            if (message.contains("expired")) {
                return "the token has expired";
            }
            if (message.contains("before use time") || message.contains("nbf")) {
                return "the token is not valid yet";
            }
            if (message.contains("missing")) {
                List<String> named = java.util.stream.Stream.of("exp", "iss", "aud", "sub", "nbf")
                        .filter(claim -> java.util.regex.Pattern.compile("\\b" + claim + "\\b").matcher(message).find())
                        .toList();
                return named.isEmpty() ? "the token lacks a required claim"
                        : "the token lacks the required claim " + String.join(", ", named);
            }
            if (message.contains("iss")) {
                return "the issuer is not accepted";
            }
            if (message.contains("aud")) {
                return "the audience is not accepted";
            }
            return "the token's claims are not accepted";
        }
        if (e instanceof BadJOSEException) {
            return "the token's algorithm or type is not accepted";
        }
        return "the token could not be verified";
    }

    /** The roles claim: absent means none; anything but an array of strings makes the token invalid. */
    private List<String> roles(JWTClaimsSet claims) throws ParseException {
        List<String> roles;
        try {
            roles = claims.getStringListClaim(rolesClaim);
        } catch (ParseException e) {
            throw new ParseException("the " + rolesClaim + " claim is not an array of strings", 0);
        }
        if (roles == null) {
            return List.of();
        }
        if (roles.contains(null)) {
            throw new ParseException("the " + rolesClaim + " claim holds a null", 0);
        }
        return new TreeSet<>(roles).stream().toList();
    }

    /**
     * RFC 6750 allows an error_description only the printable ASCII characters but '"' and '\\':
     * anything else (a quote, a control character, a non-ASCII letter from the token) becomes '?'.
     */
    static String descriptionText(String message) {
        StringBuilder text = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            text.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '?');
        }
        return text.toString();
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("weft.security.jwt.public-key-file: cannot read " + path, e);
        }
    }
}
