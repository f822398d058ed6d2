/**
 * The thresholds and texts of the model, each with its source, from {@code
 * clinical/knowledge.properties}, keyed by the conclusions they explain. Depends on {@code facts}
 * and {@code conclusions}, never on a rule.
 */
package org.nocturne.clinical.knowledge;
