/** Turns an {@link org.nocturne.clinical.Assessment} into CDS Hooks cards. */
package org.nocturne.cards;
