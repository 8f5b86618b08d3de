package org.townhall.bot.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.content.IntentDefinition;

/** The content pack the bot answers from. */
@Component
public class AnswerCatalog {

  private record Loaded(ContentPack pack, Map<String, IntentDefinition> byId) {}

  private final AtomicReference<Loaded> current = new AtomicReference<>();

  AnswerCatalog(ContentProperties properties) {
    ContentPack pack = properties.packDir() == null
        ? ContentPackReader.builtIn()
        : ContentPackReader.read(properties.packDir());
    current.set(new Loaded(pack, pack.intentsById()));
  }

  public ContentPack pack() {
    return current.get().pack();
  }

  public Optional<IntentDefinition> intent(String id) {
    return Optional.ofNullable(current.get().byId().get(id));
  }

  /** A short human label for an intent, e.g. for "Did you mean…" choices. */
  public String title(String intentId) {
    return intent(intentId).map(IntentDefinition::title).orElse(intentId);
  }
}
