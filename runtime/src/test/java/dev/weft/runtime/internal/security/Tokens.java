package dev.weft.runtime.internal.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Tokens for tests, good and bad, signed with Nimbus as an identity provider would. */
final class Tokens {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    static final String ISSUER = "https://issuer.example";
    static final String AUDIENCE = "weft-tests";

    private Tokens() {}

    /** Claims a valid token carries: subject, roles, issuer, audience, expiry in 5 minutes. */
    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("ada")
                .claim("roles", List.of("admin", "user"))
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    static String hs256(JWTClaimsSet claims) {
        return hs256(claims, SECRET);
    }

    static String hs256(JWTClaimsSet claims, String secret) {
        try {
            return sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(JWTClaimsSet claims, KeyPair keys) {
        return sign(new RSASSASigner(keys.getPrivate()), JWSAlgorithm.RS256, claims);
    }

    static String valid() {
        return hs256(claims().build());
    }

    static String with(UnaryOperator<JWTClaimsSet.Builder> change) {
        return hs256(change.apply(claims()).build());
    }

    /** {@code alg: none}: no signature at all. */
    static String unsigned() {
        return new PlainJWT(new PlainHeader(), claims().build()).serialize();
    }

    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
