package org.townhall.bot;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Townhall: a customer-service chatbot for local councils, with a live handoff to staff. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TownhallApplication {

  public static void main(String[] args) {
    SpringApplication.run(TownhallApplication.class, args);
  }

  /** One clock for the whole bot, so tests can see time-dependent rules through a fixed one. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
