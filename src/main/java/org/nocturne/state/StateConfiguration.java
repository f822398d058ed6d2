package org.nocturne.state;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.nocturne.cdshooks.CdsHooksProperties;
import org.nocturne.cdshooks.security.InMemoryReplayGuard;
import org.nocturne.cdshooks.security.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses where state lives ({@code nocturne.state}): a database by default, which must then be
 * configured (a service that silently kept its replay guard in one JVM would be unsafe behind a
 * load balancer), or this JVM when {@code memory} is chosen explicitly.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StateProperties.class)
class StateConfiguration {
  private static final Logger log = LoggerFactory.getLogger(StateConfiguration.class);

  @Bean
  StateMeters stateMeters(MeterRegistry meters) {
    return new StateMeters(meters);
  }

  private static Clock clock(ObjectProvider<Clock> clock) {
    return clock.getIfAvailable(Clock::systemUTC);
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "nocturne.state", havingValue = "memory")
  static class Memory {
    private static final int REPLAY_GUARD_CAPACITY = 1_000_000;

    @Bean
    InMemoryReplayGuard replayGuard(ObjectProvider<Clock> clock) {
      log.warn(
          "nocturne.state=memory: the JWT replay guard, feedback and the audit live in this JVM"
              + " only and are lost on restart; run a single replica");
      return new InMemoryReplayGuard(REPLAY_GUARD_CAPACITY, clock(clock));
    }

    @Bean
    MemoryState memoryState(
        CdsHooksProperties properties, ObjectProvider<Clock> clock, StateMeters meters) {
      return new MemoryState(properties.feedbackLogCapacity(), clock(clock), meters);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "nocturne.state", havingValue = "jdbc", matchIfMissing = true)
  static class Jdbc {
    /**
     * The database the operator chose, checked before anything uses it: the service refuses to
     * start on a database nobody chose (Boot would fall back to an in-memory one).
     */
    record ChosenDatabase(String url) {
      boolean postgresql() {
        return url.startsWith("jdbc:postgresql:");
      }
    }

    @Bean
    ChosenDatabase chosenDatabase(Environment environment) {
      String url = environment.getProperty("spring.datasource.url");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException(
            "nocturne.state is jdbc (the default) but no database is configured: set"
                + " spring.datasource.url, spring.datasource.username and"
                + " spring.datasource.password to a PostgreSQL database (docs/state.md), or set"
                + " nocturne.state=memory to keep state in this JVM (single replica only).");
      }
      log.info("state in the database at {}", url.replaceAll("\\?.*", ""));
      return new ChosenDatabase(url);
    }

    @Bean
    TransactionTemplate stateTransactions(
        PlatformTransactionManager transactions, ChosenDatabase chosenDatabase) {
      return new TransactionTemplate(transactions);
    }

    @Bean
    ReplayGuard replayGuard(
        JdbcClient jdbc,
        JdbcTemplate template,
        ChosenDatabase chosenDatabase,
        ObjectProvider<Clock> clock,
        StateMeters meters) {
      JdbcReplayGuard single = new JdbcReplayGuard(jdbc, clock(clock), meters);
      // on PostgreSQL the claims of concurrent calls share one statement and commit (issue 30)
      return chosenDatabase.postgresql()
          ? new GroupedReplayGuard(template, single, meters)
          : single;
    }

    @Bean
    JdbcFeedbackStore feedbackStore(
        JdbcClient jdbc,
        TransactionTemplate stateTransactions,
        ObjectProvider<Clock> clock,
        StateMeters meters,
        BatchedCallAudit callAudit) {
      // feedback reads the card rows: those of calls still queued are written first
      return new JdbcFeedbackStore(jdbc, stateTransactions, clock(clock), meters)
          .afterPendingWrites(callAudit::flush);
    }

    /** Audit and card rows off the request thread, many calls per transaction (issue 30). */
    @Bean(destroyMethod = "close")
    BatchedCallAudit callAudit(
        NamedParameterJdbcTemplate jdbc,
        ChosenDatabase chosenDatabase,
        TransactionTemplate stateTransactions,
        ObjectProvider<Clock> clock,
        StateMeters meters) {
      return new BatchedCallAudit(
          new JdbcCallAudit(
              jdbc, chosenDatabase.postgresql(), stateTransactions, clock(clock), meters),
          BatchedCallAudit.DEFAULT_CAPACITY);
    }

    @Bean
    StatePurge statePurge(
        JdbcClient jdbc,
        StateProperties properties,
        ObjectProvider<Clock> clock,
        StateMeters meters) {
      return new StatePurge(jdbc, properties.retention(), clock(clock), meters);
    }
  }
}
