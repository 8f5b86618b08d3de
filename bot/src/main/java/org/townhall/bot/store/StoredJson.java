package org.townhall.bot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How the Redis stores turn records into the JSON they keep and back. A value that cannot be read
 * is a bug or a foreign write, not bad input, so it fails loudly.
 */
final class StoredJson {

  private final ObjectMapper json;

  StoredJson(ObjectMapper json) {
    this.json = json;
  }

  <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + " in Redis", e);
    }
  }

  String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
