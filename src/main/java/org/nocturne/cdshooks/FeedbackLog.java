package org.nocturne.cdshooks;

import java.util.List;

/** Where card outcomes go. The in-memory log is bounded; persistence is a deployment choice. */
public interface FeedbackLog {

  /** A feedback item as received for a service. */
  record Entry(String serviceId, Feedback feedback) {}

  void record(String serviceId, List<Feedback> feedback);

  /** The most recent entries, newest last. */
  List<Entry> recent();
}
