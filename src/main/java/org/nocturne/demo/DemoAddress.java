package org.nocturne.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Says where the demo EHR is once the service answers: a newcomer who ran {@code ./mvnw
 * spring-boot:run} finds the address in the log instead of in the README.
 */
final class DemoAddress implements ApplicationListener<ApplicationReadyEvent> {
  private static final Logger log = LoggerFactory.getLogger(DemoAddress.class);

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    log.info(
        "Demo EHR ready: open {} (synthetic patients only)",
        url(event.getApplicationContext().getEnvironment()));
  }

  static String url(Environment environment) {
    String address = environment.getProperty("server.address", "localhost");
    String host =
        address.isBlank() || address.equals("0.0.0.0") || address.equals("::")
            ? "localhost"
            : address.contains(":") ? "[" + address + "]" : address;
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://" + host + ":" + port + "/demo";
  }
}
