/**
 * What the model can conclude, in its own words: the seven causes and their likelihood, red flags
 * and their guidance, next steps, self-care advice, medication effects and order-safety concerns,
 * each conclusion resting on {@code Finding}s. Depends on {@code facts} only.
 */
package org.nocturne.clinical.conclusions;
