package org.nocturne.cdshooks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Keeps the last {@code capacity} feedback items; older ones are dropped, never the newest. */
public final class InMemoryFeedbackLog implements FeedbackLog {
  private final int capacity;
  private final Deque<Entry> entries = new ArrayDeque<>();

  public InMemoryFeedbackLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(String serviceId, List<Feedback> feedback) {
    for (Feedback item : feedback) {
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(new Entry(serviceId, item));
    }
  }

  @Override
  public synchronized List<Entry> recent() {
    return List.copyOf(entries);
  }
}
