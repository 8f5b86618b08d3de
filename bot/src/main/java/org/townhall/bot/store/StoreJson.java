package org.townhall.bot.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The JSON the store keeps (records in Redis, queued channel messages): Jackson 2, set up exactly as
 * Spring Boot 3.5 set up its {@code ObjectMapper} with this application's {@code application.yml}, so
 * what is already stored reads back and what is written stays byte for byte the same. Spring Boot 4
 * configures only Jackson 3 (for the HTTP API); the store owns its own mapping instead of borrowing
 * the web's, and Telegram's Bot API types are Jackson 2 types anyway.
 */
public final class StoreJson {

  private StoreJson() {}

  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        // Boot's Jackson2ObjectMapperBuilder: the well-known modules and two relaxed defaults.
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(new ParameterNamesModule())
        .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        // Boot's own defaults: dates and durations as ISO-8601 text.
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        // spring.jackson.default-property-inclusion: non_null
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }
}
