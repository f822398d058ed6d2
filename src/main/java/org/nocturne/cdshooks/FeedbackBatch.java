package org.nocturne.cdshooks;

import java.util.List;

/** The 2.0 feedback body: {@code {"feedback": [...]}}. */
public record FeedbackBatch(List<Feedback> feedback) {}
