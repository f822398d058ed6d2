/**
 * Order safety: each draft order checked against the record and the cause model's assessment, one
 * rule per concern ({@code SafetyRules}), run by {@code OrderSafety}. The one room above the cause
 * model ({@code org.nocturne.clinical}), because its rules read the ranked causes; nothing depends
 * on it inside {@code clinical}.
 */
package org.nocturne.clinical.rules.ordersafety;
