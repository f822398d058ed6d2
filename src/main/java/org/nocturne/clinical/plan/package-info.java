/**
 * What to do next: the next steps (work-up, same-day actions for red flags, treatment) and the
 * self-care advice, planned from the ranked causes, the raised flags and the medication effects.
 * Depends on {@code rules} and the rooms below it; it reads what the families concluded, never a
 * family itself.
 */
package org.nocturne.clinical.plan;
