package org.nocturne.service;

import java.nio.file.Path;
import org.nocturne.fhir.QuestionnaireMapping;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.questionnaire.*}.
 *
 * @param mappingFile a file mapping a health system's own build of the questionnaire (its portal's
 *     item ids and answer codes) to ours, in the form {@link QuestionnaireMapping} describes (none
 *     by default: only responses to the Nocturne questionnaire are read). A file that cannot be
 *     read stops the start, naming it.
 */
@Validated
@ConfigurationProperties("nocturne.questionnaire")
record QuestionnaireProperties(Path mappingFile) {
  QuestionnaireMapping mapping() {
    return mappingFile == null ? QuestionnaireMapping.NONE : QuestionnaireMapping.load(mappingFile);
  }
}
