package org.townhall.nlp.classify;

import java.util.ArrayList;
import java.util.List;

/** A few phrases for three intents and out-of-scope, enough to train a model in milliseconds. */
final class TinyTrainingSet {

  private TinyTrainingSet() {}

  static List<LabeledText> examples() {
    List<LabeledText> examples = new ArrayList<>();
    add(examples, "bin_collection_day", "when is my bin collected", "which day is bin day",
        "when do the bins get emptied", "what day is recycling collected",
        "bin collection day for my street", "when will my rubbish be picked up");
    add(examples, "report_pothole", "there is a pothole in my road", "report a pothole",
        "big hole in the road outside my house", "pothole damaged my car",
        "the road surface is broken", "who fixes potholes");
    add(examples, "pay_council_tax", "how do i pay my council tax", "pay council tax online",
        "i want to pay my council tax bill", "council tax payment",
        "can i pay council tax by direct debit", "where do i pay council tax");
    add(examples, LabeledText.OUT_OF_SCOPE, "what is the weather tomorrow",
        "how do i renew my passport", "tell me a joke", "who won the football",
        "book a flight to spain", "what is the capital of france");
    return examples;
  }

  private static void add(List<LabeledText> examples, String intent, String... phrases) {
    for (String phrase : phrases) {
      examples.add(new LabeledText(phrase, intent));
    }
  }
}
