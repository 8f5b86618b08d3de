package org.townhall.bot.conversation;

import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.townhall.bot.collection.CollectionLookup;
import org.townhall.bot.collection.CollectionRounds;
import org.townhall.bot.collection.Postcode;
import org.townhall.nlp.content.IntentDefinition;

/**
 * Answers that depend on details the resident gave: the bin collection day comes from the
 * council's collection rounds for their postcode; other answers get their {@code {slot}}
 * placeholders filled in.
 */
@Component
class SlotAnswers {

  static final String BIN_COLLECTION_DAY = "bin_collection_day";

  private final CollectionRounds rounds;
  private final Phrases phrases;

  SlotAnswers(CollectionRounds rounds, Phrases phrases) {
    this.rounds = rounds;
    this.phrases = phrases;
  }

  CollectionLookup lookup(Postcode postcode) {
    return rounds.lookup(postcode);
  }

  String answer(IntentDefinition intent, Map<String, String> attributes, LocalDateTime now) {
    String postcode = attributes.get(Attributes.SLOT_PREFIX + DialogueActions.POSTCODE);
    if (intent.id().equals(BIN_COLLECTION_DAY) && postcode != null) {
      var lookup = Postcode.find(postcode).map(rounds::lookup).orElse(null);
      if (lookup instanceof CollectionLookup.Found found) {
        return found.schedule().describe(now);
      }
    }
    String text = intent.answer().text();
    for (var slot : intent.slots()) {
      String value = attributes.get(Attributes.SLOT_PREFIX + slot);
      // A detail the resident skipped reads as what it stands for ("your address"), never "{postcode}".
      text = text.replace("{" + slot + "}", value != null ? value : phrases.get("slot.missing." + slot));
    }
    return text;
  }
}
