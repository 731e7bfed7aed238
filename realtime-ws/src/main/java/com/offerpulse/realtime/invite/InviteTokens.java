package com.offerpulse.realtime.invite;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.TokenClaims;
import com.offerpulse.platform.security.JwtSettings;
import com.offerpulse.realtime.RealtimeSettings;

/**
 * Viewer invites: HS256 JWTs signed with the platform secret ({@code offerpulse.jwt.secret}) that name one round
 * ({@code sid}) and the purpose {@code viewer}. They carry no subject and a distinct {@code typ} header
 * ({@value #TYPE}), so they are not bearer tokens: the caller still signs in as themselves and presents the invite
 * as {@code ?invite=} on the room's handshake.
 */
@Component
public class InviteTokens {
    public static final String TYPE = "offerpulse-invite+jwt";
    static final String SESSION_CLAIM = "sid";
    static final String PURPOSE_CLAIM = "purpose";
    static final String INVITED_BY_CLAIM = "invited_by";
    static final String VIEWER = "viewer";
    /** What an invite id looks like (a UUID); anything else is no invite of ours. */
    public static final Pattern INVITE_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final SecretKey key;
    private final RealtimeSettings settings;
    private final Clock clock;

    InviteTokens(JwtSettings jwt, RealtimeSettings settings, Clock clock) {
        this.key = jwt.hasSecret() ? HmacSecret.parse(jwt.secret()) : null;
        this.settings = settings;
        this.clock = clock;
    }

    /** A freshly minted invite; {@code id} (its {@code jti}) names it for revocation. */
    public record Invite(String token, Instant expiresAt, String id) {
    }

    public boolean available() {
        return key != null;
    }

    /** An invite to {@code sessionId} valid from {@code issuedAt} for {@code invite-ttl}. */
    public Invite issue(String sessionId, String ownerId, Instant issuedAt) {
        if (key == null) {
            throw new IllegalStateException("Invites need offerpulse.jwt.secret");
        }
        Instant expiresAt = issuedAt.plus(settings.inviteTtl());
        String id = UUID.randomUUID().toString();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(TokenClaims.ISSUER)
                .claim(SESSION_CLAIM, sessionId)
                .claim(PURPOSE_CLAIM, VIEWER)
                .claim(INVITED_BY_CLAIM, ownerId)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(id)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(TYPE)).build(),
                claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign invite", e);
        }
        return new Invite(jwt.serialize(), expiresAt, id);
    }

    public Invite issue(String sessionId, String ownerId) {
        return issue(sessionId, ownerId, clock.instant());
    }

    /** True when {@code token} is an unexpired viewer invite to {@code sessionId} signed with our secret. */
    public boolean admits(String token, String sessionId) {
        return inviteId(token, sessionId).isPresent();
    }

    /**
     * The invite's id when {@code token} is an unexpired viewer invite to {@code sessionId} signed with our secret
     * (revocation is checked separately, {@link InviteRevocations}).
     */
    public Optional<String> inviteId(String token, String sessionId) {
        if (key == null || token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    || jwt.getHeader().getType() == null || !TYPE.equals(jwt.getHeader().getType().getType())
                    || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            Date exp = c.getExpirationTime();
            boolean valid = exp != null && exp.toInstant().isAfter(clock.instant())
                    && VIEWER.equals(c.getStringClaim(PURPOSE_CLAIM))
                    && sessionId.equals(c.getStringClaim(SESSION_CLAIM))
                    && c.getJWTID() != null && INVITE_ID.matcher(c.getJWTID()).matches();
            return valid ? Optional.of(c.getJWTID()) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
