package org.nocturne.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A real database whose test decides when it answers: held, it "hangs" every new connection until
 * opened; down, it refuses them as an unreachable database does. Counts the connections taken.
 */
final class GatedDatabase extends DelegatingDataSource {
  private volatile CountDownLatch open = new CountDownLatch(0);
  private volatile boolean down;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();

  GatedDatabase(DataSource real) {
    super(real);
  }

  /** New connections wait until {@link #open()}. */
  void hold() {
    open = new CountDownLatch(1);
  }

  void open() {
    open.countDown();
  }

  /** Refuses connections (once open) until called again with {@code false}. */
  void down(boolean down) {
    this.down = down;
  }

  /** Connections handed out so far: one per transaction or autocommitted statement. */
  int connections() {
    return connections.get();
  }

  /** Callers waiting now for a held database. */
  int waiting() {
    return waiting.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    waiting.incrementAndGet();
    try {
      if (!open.await(30, TimeUnit.SECONDS)) {
        throw new SQLException("the test never opened the database");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException(e);
    } finally {
      waiting.decrementAndGet();
    }
    if (down) {
      throw new SQLException("connection refused", "08001");
    }
    connections.incrementAndGet();
    return super.getConnection();
  }
}
