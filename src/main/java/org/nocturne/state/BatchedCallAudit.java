package org.nocturne.state;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.nocturne.cdshooks.CallAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit and card rows written off the request thread (issue 30): a call's record joins a
 * bounded queue and the call is answered; one writer thread takes whatever has queued, up to {@link
 * #MAX_BATCH} records, and writes them in one transaction, so under load hundreds of calls share a
 * commit instead of paying one each. The replay claim is not here: it stays synchronous and exact
 * ({@code JdbcReplayGuard}). The governance counter of cards shown counts when a call's rows are
 * written (once per card uuid, as the admin summary counts).
 *
 * <p>What a crash can lose (docs/state.md): the records still queued when the process dies without
 * a shutdown (SIGKILL, a lost node, an OutOfMemoryError) — the calls of the last moments, as many
 * as the writer is behind (milliseconds at the rates measured), never more than {@link #capacity}.
 * A graceful stop writes the queue before the database pool closes. A full queue (the database
 * slower than the calls) drops the newest records, each counted as {@code
 * nocturne_state_failures_total{operation="audit"}}, as a failed write always was: the audit is
 * best effort by design (ADR 0002) and never delays or fails a call. Feedback reads the card rows
 * after {@link #flush} ({@code JdbcFeedbackStore}), so a card answered by this replica is always
 * known to its feedback.
 */
final class BatchedCallAudit implements CallAudit, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchedCallAudit.class);
  static final int MAX_BATCH = 500;
  static final int DEFAULT_CAPACITY = 10_000;

  /**
   * How long the writer lets a batch gather after its first record: under load, tens of calls per
   * transaction instead of the three or four that queue while one is written (PostgreSQL's CPU per
   * call is the cost, docs/performance.md); it adds this much to what a crash can lose.
   */
  static final Duration LINGER = Duration.ofMillis(20);

  /** How long feedback waits for queued card rows. */
  private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);

  /** How long a graceful stop waits for the queue to be written (Spring's shutdown phase: 30 s). */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(25);

  private final JdbcCallAudit target;
  private final BlockingQueue<JdbcCallAudit.Timed> queue;
  private final int capacity;
  private final long lingerNanos;
  private final Thread writer;
  private final Object progress = new Object();
  // counted without the writer's lock: every call of the pod passes here on its request thread
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  // flushes waiting now: the writer does not let a batch gather while one waits
  private final AtomicInteger hurrying = new AtomicInteger();
  private long written; // guarded by progress
  private volatile boolean closed;

  BatchedCallAudit(JdbcCallAudit target, int capacity) {
    this(target, capacity, LINGER);
  }

  BatchedCallAudit(JdbcCallAudit target, int capacity, Duration linger) {
    this.target = target;
    this.capacity = capacity;
    this.lingerNanos = linger.toNanos();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::writeLoop, "audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  int capacity() {
    return capacity;
  }

  @Override
  public void record(CallRecord call) {
    JdbcCallAudit.Timed timed = new JdbcCallAudit.Timed(call, target.clock().instant());
    if (closed) {
      // shutting down: the writer may be gone, so this (rare) call writes its own row
      target.writeAll(List.of(timed));
      return;
    }
    // counted before it is queued, so a flush never returns before a record queued ahead of it
    offered.incrementAndGet();
    if (!queue.offer(timed)) {
      offered.decrementAndGet();
      target.dropped();
      long droppedSoFar = dropped.incrementAndGet();
      if (droppedSoFar % 1000 == 1) {
        log.warn(
            "audit rows dropped, the writer is behind ({} so far; the last for service={})",
            droppedSoFar,
            call.serviceId());
      }
      return;
    }
  }

  /**
   * Returns once every record queued before this call is written (or its write failed), or after
   * five seconds.
   */
  void flush() {
    flush(FLUSH_WAIT);
  }

  private void flush(Duration wait) {
    hurrying.incrementAndGet();
    try {
      LockSupport.unpark(writer);
      awaitWritten(wait);
    } finally {
      hurrying.decrementAndGet();
    }
  }

  private void awaitWritten(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    long target = offered.get();
    synchronized (progress) {
      // a record counted but then dropped (a full queue) is not waited for
      while (written < Math.min(target, offered.get()) && writer.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn(
              "audit flush: {} record(s) still queued after {}",
              Math.min(target, offered.get()) - written,
              wait);
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(progress, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Writes what is queued and stops the writer (the bean's destroy method). */
  @Override
  public void close() {
    closed = true;
    flush(CLOSE_WAIT);
    writer.interrupt();
  }

  /**
   * Lets the calls of the next linger ({@link #LINGER}) join the batch, so that under load a
   * transaction carries tens of calls instead of the few that queued while the last one was
   * written; a flush or a stop does not wait for it.
   */
  private void gather(List<JdbcCallAudit.Timed> batch) {
    long deadline = System.nanoTime() + lingerNanos;
    while (batch.size() < MAX_BATCH && !closed && hurrying.get() == 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      // parked, not polled: the request threads' offers do not wake the writer one by one
      LockSupport.parkNanos(this, left);
      queue.drainTo(batch, MAX_BATCH - batch.size());
      if (Thread.currentThread().isInterrupted()) {
        return; // stopping: the batch is written, the next poll ends the loop
      }
    }
  }

  private void writeLoop() {
    List<JdbcCallAudit.Timed> batch = new ArrayList<>(MAX_BATCH);
    while (true) {
      try {
        JdbcCallAudit.Timed first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closed && queue.isEmpty()) {
            return;
          }
          continue;
        }
        batch.add(first);
        gather(batch);
      } catch (InterruptedException e) {
        if (queue.isEmpty()) {
          return;
        }
      }
      queue.drainTo(batch, MAX_BATCH - batch.size());
      try {
        target.writeAll(batch);
      } catch (RuntimeException e) {
        // writeAll logs and counts its own failures; anything else must not end the writer
        log.warn("audit writer: {}", e.toString());
      } catch (Error e) {
        // e.g. the driver's assertion on a connection lost mid-write (assertions on): the batch is
        // counted as failed audits and the writer goes on, or every later record would queue
        batch.forEach(record -> target.dropped());
        log.warn("audit writer: {} audit row(s) not written: {}", batch.size(), e.toString());
      }
      synchronized (progress) {
        written += batch.size();
        progress.notifyAll();
      }
      batch.clear();
    }
  }
}
