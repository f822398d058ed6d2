package org.nocturne.clinical.rules.ordersafety;

/** How strongly an order-safety finding speaks: information, a warning, or a stop. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL
}
