package org.townhall.nlp.text;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands English contractions, with or without the apostrophe residents often leave out
 * ("dont", "whats"), so "I can't pay" and "i cannot pay" share their features; and common chat
 * shorthand ("thx", "pls", "u", "appt"), so a resident typing on a phone matches the phrases
 * written out in full.
 */
final class Contractions {

  private static final Map<String, String> WHOLE_WORDS = Map.ofEntries(
      Map.entry("won't", "will not"), Map.entry("wont", "will not"),
      Map.entry("can't", "can not"), Map.entry("cant", "can not"), Map.entry("cannot", "can not"),
      Map.entry("shan't", "shall not"), Map.entry("ain't", "is not"),
      Map.entry("dont", "do not"), Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"),
      Map.entry("isnt", "is not"), Map.entry("arent", "are not"), Map.entry("wasnt", "was not"),
      Map.entry("werent", "were not"), Map.entry("havent", "have not"),
      Map.entry("hasnt", "has not"), Map.entry("hadnt", "had not"),
      Map.entry("couldnt", "could not"), Map.entry("shouldnt", "should not"),
      Map.entry("wouldnt", "would not"), Map.entry("im", "i am"), Map.entry("ive", "i have"),
      Map.entry("whats", "what is"), Map.entry("wheres", "where is"),
      Map.entry("whens", "when is"), Map.entry("hows", "how is"), Map.entry("whos", "who is"),
      Map.entry("thats", "that is"), Map.entry("theres", "there is"),
      Map.entry("youre", "you are"), Map.entry("theyre", "they are"),
      Map.entry("let's", "let us"),
      // chat shorthand
      Map.entry("thx", "thanks"), Map.entry("thnx", "thanks"), Map.entry("thanx", "thanks"),
      Map.entry("ty", "thank you"), Map.entry("tq", "thank you"), Map.entry("pls", "please"),
      Map.entry("plz", "please"), Map.entry("u", "you"), Map.entry("ur", "your"),
      Map.entry("cos", "because"), Map.entry("coz", "because"), Map.entry("wot", "what"),
      Map.entry("wat", "what"), Map.entry("wen", "when"), Map.entry("nite", "night"),
      Map.entry("tmrw", "tomorrow"), Map.entry("2moro", "tomorrow"), Map.entry("b4", "before"),
      Map.entry("appt", "appointment"), Map.entry("info", "information"),
      Map.entry("govt", "government"), Map.entry("msg", "message"), Map.entry("ppl", "people"),
      Map.entry("hrs", "hours"), Map.entry("rd", "road"), Map.entry("ave", "avenue"));

  /** Words whose "'s" means "is" rather than a possessive. */
  private static final Set<String> IS_HOSTS = Set.of(
      "it", "what", "where", "when", "who", "how", "that", "there", "here", "he", "she", "why");

  private static final Map<String, String> SUFFIXES = Map.of(
      "n't", "not", "'re", "are", "'ve", "have", "'ll", "will", "'d", "would", "'m", "am");

  private Contractions() {}

  /** Adds the expansion of {@code token} (or the token itself) to {@code out}. */
  static void expand(String token, List<String> out) {
    String whole = WHOLE_WORDS.get(token);
    if (whole != null) {
      addWords(whole, out);
      return;
    }
    int apostrophe = token.indexOf('\'');
    if (apostrophe < 0) {
      out.add(token);
      return;
    }
    for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
      if (token.endsWith(suffix.getKey()) && token.length() > suffix.getKey().length()) {
        addStem(token.substring(0, token.length() - suffix.getKey().length()), out);
        out.add(suffix.getValue());
        return;
      }
    }
    if (token.endsWith("'s")) {
      String host = token.substring(0, token.length() - 2);
      addStem(host, out);
      if (IS_HOSTS.contains(host)) {
        out.add("is");
      }
      return;
    }
    out.add(token.replace("'", ""));
  }

  private static void addStem(String stem, List<String> out) {
    String cleaned = stem.replace("'", "");
    if (!cleaned.isEmpty()) {
      out.add(cleaned);
    }
  }

  private static void addWords(String words, List<String> out) {
    for (String w : words.split(" ")) {
      out.add(w);
    }
  }
}
