package io.github.kubesignin.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The issuer's RS256 signing keys: the newest signs, all of them stay in the JWKS so older tokens still verify. */
final class SigningKeys {
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt"); // RFC 9068

    private final List<RSAKey> keys = new CopyOnWriteArrayList<>();
    private volatile RSAKey current;

    SigningKeys() {
        rotate();
    }

    synchronized void rotate() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            keys.add(key);
            current = key;
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    String currentKeyId() {
        return current.getKeyID();
    }

    /** The JWKS document with public keys only. */
    Map<String, Object> publicJwks() {
        return new JWKSet(List.copyOf(keys)).toJSONObject(true);
    }

    String sign(Map<String, Object> claims, JOSEObjectType type) {
        RSAKey key = current;
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build();
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jws.serialize();
    }

    /** The claims of a token this issuer signed with the given type, or empty when it is not one. */
    Optional<Map<String, Object>> verify(String token, JOSEObjectType type) {
        try {
            JWSObject jws = JWSObject.parse(token);
            if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) || !type.equals(jws.getHeader().getType())) {
                return Optional.empty();
            }
            for (RSAKey key : keys) {
                if (key.getKeyID().equals(jws.getHeader().getKeyID())) {
                    return jws.verify(new RSASSAVerifier(key.toRSAPublicKey()))
                            ? Optional.of(jws.getPayload().toJSONObject())
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
