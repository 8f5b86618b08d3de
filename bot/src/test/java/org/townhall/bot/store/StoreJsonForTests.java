package org.townhall.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping the Redis stores get from Spring Boot in the application, for store tests. */
public final class StoreJsonForTests {

  private StoreJsonForTests() {}

  public static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }
}
