/**
 * What every rule reads: the {@code Evaluation} of one patient (facts, knowledge, date, complaint
 * window) with the derived questions several rules ask, and the Wells score two red-flag rules
 * share. Depends on {@code facts}, {@code conclusions} and {@code knowledge}; the rule families
 * live in the sub-packages above it.
 */
package org.nocturne.clinical.rules;
