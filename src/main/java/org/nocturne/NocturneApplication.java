package org.nocturne;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NocturneApplication {
  public static void main(String[] args) {
    SpringApplication.run(NocturneApplication.class, args);
  }
}
