package org.nocturne.state;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.nocturne.cdshooks.StateUnavailable;
import org.nocturne.cdshooks.security.ReplayGuard;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The replay guard every replica shares: the primary key (issuer, jti) makes the insert succeed
 * exactly once, whichever replica tries first. An unreachable database is a refusal, never a pass.
 */
final class JdbcReplayGuard implements ReplayGuard {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final StateMeters meters;

  JdbcReplayGuard(JdbcClient jdbc, Clock clock, StateMeters meters) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public boolean claim(String issuer, String jti, Instant expiresAt) {
    try {
      int inserted =
          jdbc.sql(
                  "INSERT INTO jti (issuer, jti, expires_at) VALUES (:issuer, :jti, :expires)"
                      + " ON CONFLICT DO NOTHING")
              .param("issuer", issuer)
              .param("jti", jti)
              .param("expires", utc(expiresAt))
              .update();
      return inserted == 1 || reclaim(issuer, jti, expiresAt);
    } catch (DataAccessException e) {
      meters.failure("replay-guard");
      throw new StateUnavailable("replay guard unavailable", e);
    }
  }

  /**
   * Claims a token whose row exists: only if that row has expired and is not purged yet (the row
   * lock lets one claimant win); a replay otherwise.
   */
  boolean reclaimExpired(String issuer, String jti, Instant expiresAt) {
    try {
      return reclaim(issuer, jti, expiresAt);
    } catch (DataAccessException e) {
      meters.failure("replay-guard");
      throw new StateUnavailable("replay guard unavailable", e);
    }
  }

  private boolean reclaim(String issuer, String jti, Instant expiresAt) {
    return jdbc.sql(
                "UPDATE jti SET expires_at = :expires"
                    + " WHERE issuer = :issuer AND jti = :jti AND expires_at <= :now")
            .param("expires", utc(expiresAt))
            .param("issuer", issuer)
            .param("jti", jti)
            .param("now", utc(clock.instant()))
            .update()
        == 1;
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
