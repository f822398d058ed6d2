/**
 * Durable state behind the SDK's interfaces: the JWT replay guard, the feedback store and the
 * PHI-free call audit, in PostgreSQL through plain JDBC with Flyway migrations ({@code
 * db/migration}), or in this JVM when {@code nocturne.state=memory} (single replica only).
 *
 * <p>Its one rule: nothing here stores a patient id, a FHIR resource, card text or a free-text
 * comment (ADR 0002).
 */
package org.nocturne.state;
