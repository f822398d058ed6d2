package org.nocturne.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The bearer token an EHR hands over for its FHIR server (2.0 §FHIR Resource Access). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FhirAuthorization(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") Integer expiresIn,
    String scope,
    String subject,
    String patient) {

  /** Never prints the token: requests end up in logs and exception messages. */
  @Override
  public String toString() {
    return "FhirAuthorization[tokenType="
        + tokenType
        + ", scope="
        + scope
        + ", subject="
        + subject
        + "]";
  }
}
