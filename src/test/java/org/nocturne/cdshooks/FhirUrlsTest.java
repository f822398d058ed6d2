package org.nocturne.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * URLs compared as the receiving container will see them (issue 26, finding 8): Tomcat drops a
 * segment's {@code ;parameters}, so {@code ..;} is {@code ..} there, and decodes {@code %2e}.
 */
class FhirUrlsTest {
  private static final String BASE = "https://ehr.example.org/fhir";

  @Test
  void pathParametersAndEncodedDotsNeverPassTheAllowlist() {
    for (String escape :
        new String[] {
          BASE + "/..;/admin",
          BASE + "/..;x=1/admin",
          BASE + "/Patient;jsessionid=1/..;/..;/admin",
          BASE + "/%2e%2e/admin",
          BASE + "/%2E./admin",
          BASE + "/.%2e;/admin",
          BASE + "/Patient/1;a",
          BASE + "/Patient%3b/1",
          BASE + "/.../admin",
          BASE + "/%2e/Patient"
        }) {
      assertThat(FhirUrls.within(BASE, escape)).as(escape).isFalse();
    }
    assertThat(FhirUrls.within(BASE, BASE + "/Patient/p1")).isTrue();
    assertThat(FhirUrls.within(BASE, BASE + "/Observation?patient=p1&_count=50")).isTrue();
    assertThat(FhirUrls.within(BASE, BASE + "/Patient/p.1")).isTrue();
  }

  @Test
  void aBaseWithAQueryOrPathParametersIsNoBase() {
    assertThat(FhirUrls.isBase(BASE)).isTrue();
    assertThat(FhirUrls.isBase(BASE + "/")).isTrue();
    assertThat(FhirUrls.isBase(BASE + "?x=")).isFalse();
    assertThat(FhirUrls.isBase(BASE + "?")).isFalse();
    assertThat(FhirUrls.isBase(BASE + "/..;")).isFalse();
    assertThat(FhirUrls.isBase(BASE + ";a=b")).isFalse();
  }
}
