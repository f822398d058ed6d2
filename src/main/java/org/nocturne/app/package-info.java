/**
 * The server side of the questionnaire app ({@code nocturne.app.enabled}): its configuration for
 * the browser ({@code /app/config.json}), server-side validation of a QuestionnaireResponse before
 * the app writes it, and the full assessment that does not fit a card, computed from the EHR's FHIR
 * server with the app's own SMART access token. The token is used for the one call and then
 * forgotten: never logged, stored or cached.
 */
package org.nocturne.app;
