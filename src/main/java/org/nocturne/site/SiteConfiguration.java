package org.nocturne.site;

import org.nocturne.clinical.knowledge.Knowledge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public pages: about the service, patient education, the FHIR artifacts. No patient data. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

  @Bean
  EducationPages educationPages(Knowledge knowledge) {
    return new EducationPages(knowledge);
  }
}
