package org.nocturne.state;

import static org.nocturne.state.JdbcReplayGuard.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes what is past its retention: expired {@code jti}s, feedback and card topics after {@code
 * nocturne.retention.feedback}, audit rows after {@code nocturne.retention.audit}. Runs a minute
 * after start, then every {@code nocturne.retention.purge-interval} (a day by default).
 */
final class StatePurge implements InitializingBean, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(StatePurge.class);

  /** Rows deleted by one purge, per table. */
  record Purged(int jti, int feedback, int card, int audit) {}

  private final JdbcClient jdbc;
  private final StateProperties.Retention retention;
  private final Clock clock;
  private final StateMeters meters;
  private ScheduledExecutorService scheduler;

  StatePurge(
      JdbcClient jdbc, StateProperties.Retention retention, Clock clock, StateMeters meters) {
    this.jdbc = jdbc;
    this.retention = retention;
    this.clock = clock;
    this.meters = meters;
  }

  Purged purge() {
    Instant now = clock.instant();
    Instant feedbackBefore = now.minus(retention.feedback());
    Purged purged =
        new Purged(
            delete("DELETE FROM jti WHERE expires_at <= :before", now),
            delete("DELETE FROM feedback WHERE received_at < :before", feedbackBefore),
            delete("DELETE FROM card WHERE shown_at < :before", feedbackBefore),
            delete("DELETE FROM audit WHERE called_at < :before", now.minus(retention.audit())));
    log.info("retention purge: {}", purged);
    return purged;
  }

  private int delete(String sql, Instant before) {
    return jdbc.sql(sql).param("before", utc(before)).update();
  }

  @Override
  public void afterPropertiesSet() {
    long interval = Math.max(1, retention.purgeInterval().toSeconds());
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "nocturne-retention");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::purgeQuietly, Math.min(60, interval), interval, TimeUnit.SECONDS);
  }

  private void purgeQuietly() {
    try {
      purge();
    } catch (DataAccessException | IllegalStateException e) {
      meters.failure("purge");
      log.warn("retention purge failed, retried at the next interval: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
  }
}
