/**
 * The red-flag rules, one class per red flag, and their list ({@code RedFlagRules}): each raises
 * its flag on observed findings, never on a score. Depends on {@code rules} and the rooms below it,
 * never on another family.
 */
package org.nocturne.clinical.rules.redflags;
