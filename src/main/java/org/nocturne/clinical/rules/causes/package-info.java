/**
 * The cause rules, one class per cause, and their list ({@code CauseRules}): each names the
 * findings for and against its cause, which the cause model scores. Depends on {@code rules} and
 * the rooms below it, never on another family.
 */
package org.nocturne.clinical.rules.causes;
