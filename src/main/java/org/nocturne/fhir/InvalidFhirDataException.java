package org.nocturne.fhir;

/**
 * Data sent by the caller that is not valid FHIR R4; the message names the key, not the content.
 */
public class InvalidFhirDataException extends RuntimeException {
  public InvalidFhirDataException(String message) {
    super(message);
  }
}
