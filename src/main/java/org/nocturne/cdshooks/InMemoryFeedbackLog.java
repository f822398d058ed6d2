package org.nocturne.cdshooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last feedback items within a count and a size in bytes; older ones are dropped, never
 * the newest. Bounded by bytes too: a caller with a valid token once filled the heap with 40 calls
 * of large items while the count bound was far away.
 */
public final class InMemoryFeedbackLog implements FeedbackLog {
  private record Sized(Entry entry, long bytes) {}

  private final int capacity;
  private final long maxBytes;
  private final Deque<Sized> entries = new ArrayDeque<>();
  private long bytes;

  public InMemoryFeedbackLog(int capacity) {
    this(capacity, 4L * 1024 * 1024);
  }

  public InMemoryFeedbackLog(int capacity, long maxBytes) {
    if (capacity < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("capacity and size must be positive");
    }
    this.capacity = capacity;
    this.maxBytes = maxBytes;
  }

  @Override
  public synchronized void record(String serviceId, List<Feedback> feedback) {
    for (Feedback item : feedback) {
      long size = serviceId.length() + (long) CdsJson.mapper().writeValueAsBytes(item).length;
      if (size > maxBytes) {
        continue; // one item larger than the whole log is not kept
      }
      while (!entries.isEmpty() && (entries.size() >= capacity || bytes + size > maxBytes)) {
        bytes -= entries.removeFirst().bytes();
      }
      entries.addLast(new Sized(new Entry(serviceId, item), size));
      bytes += size;
    }
  }

  /** The approximate size of what is kept, in bytes of JSON. */
  public synchronized long bytes() {
    return bytes;
  }

  @Override
  public synchronized List<Entry> recent() {
    return entries.stream().map(Sized::entry).toList();
  }
}
