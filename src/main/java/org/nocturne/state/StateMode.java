package org.nocturne.state;

/** Where the replay guard, feedback and audit live ({@code nocturne.state}). */
public enum StateMode {
  /** A database shared by every replica (PostgreSQL; H2 for the local profile). The default. */
  JDBC,
  /** This JVM only: lost on restart, wrong behind more than one replica. Must be chosen. */
  MEMORY
}
