/**
 * The governance view of feedback: per card topic, how often it was shown, accepted and overridden,
 * and why ({@code /admin/feedback/summary}, {@code /admin/feedback/export.csv}). Reads the SDK's
 * {@code FeedbackStore} only; closed unless {@code nocturne.admin.token} is set (open in {@code
 * local}).
 */
package org.nocturne.analytics;
