/**
 * Medication effects: drugs on the list that may cause the symptoms (statin myopathy, RLS
 * augmentation, drugs that bring on cramps), each with its findings and the step that checks it,
 * read beside the ranked causes. Depends on {@code rules} and below, and on {@code rules.redflags}
 * only for its unscored finding ({@code RedFlagRule.seen}).
 */
package org.nocturne.clinical.rules.medication;
