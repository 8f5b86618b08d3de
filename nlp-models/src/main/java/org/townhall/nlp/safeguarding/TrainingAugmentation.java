package org.townhall.nlp.safeguarding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.townhall.nlp.classify.LabeledText;

/**
 * Extra training examples made from the pack's own phrases, repeatably (seeded), for the ways
 * residents write disclosures that the phrases rarely show: inside a council request ("can you cancel
 * my direct debit, I won't need it, I'm planning to end things"), about someone else or about
 * themselves, and misspelt.
 */
final class TrainingAugmentation {

  private static final List<String> JOINS = List.of(", ", ". ", " and ");
  private static final Pattern TRAILING = Pattern.compile("[\\s.,;:!?]+$");
  private static final Pattern WORD = Pattern.compile("[A-Za-z'\u2019]+");

  private final Random random;

  TrainingAugmentation(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Joins of a council phrase and a disclosure (either order), labelled with the disclosure's
   * category, and as many joins of a council phrase and a look-alike, labelled "none".
   *
   * @param share how many joins per disclosure phrase (0.5: half of them, chosen at random)
   */
  List<LabeledText> buried(List<LabeledText> disclosures, List<String> lookAlikes, List<String> council,
      double share) {
    List<LabeledText> made = new ArrayList<>();
    if (council.isEmpty() || share <= 0) {
      return made;
    }
    int count = (int) Math.round(share * disclosures.size());
    for (LabeledText d : sample(disclosures, count)) {
      made.add(new LabeledText(join(pick(council), d.text()), d.intent()));
    }
    for (String l : sample(lookAlikes, count)) {
      made.add(new LabeledText(join(pick(council), l), LabeledText.OUT_OF_SCOPE));
    }
    return made;
  }

  /** The examples with first and third person swapped, where they have either (the label kept). */
  List<LabeledText> perspective(List<LabeledText> examples, double share) {
    List<LabeledText> made = new ArrayList<>();
    for (LabeledText e : sample(examples, (int) Math.round(share * examples.size()))) {
      String swapped = swapPerson(e.text());
      if (!swapped.equals(e.text())) {
        made.add(new LabeledText(swapped, e.intent()));
      }
    }
    return made;
  }

  /** The examples with one word of four letters or more misspelt (a letter dropped or two swapped). */
  List<LabeledText> typos(List<LabeledText> examples, double share) {
    List<LabeledText> made = new ArrayList<>();
    for (LabeledText e : sample(examples, (int) Math.round(share * examples.size()))) {
      String misspelt = misspell(e.text());
      if (!misspelt.equals(e.text())) {
        made.add(new LabeledText(misspelt, e.intent()));
      }
    }
    return made;
  }

  private String join(String council, String other) {
    boolean councilFirst = random.nextBoolean();
    String first = councilFirst ? council : other;
    String second = councilFirst ? other : council;
    String glue = JOINS.get(random.nextInt(JOINS.size()));
    String head = TRAILING.matcher(first).replaceAll("");
    return head + glue + second;
  }

  private static final Map<String, String> TO_SHE = Map.ofEntries(Map.entry("i", "she"), Map.entry("i'm", "she's"),
      Map.entry("im", "shes"), Map.entry("i've", "she's"), Map.entry("ive", "shes"), Map.entry("i'll", "she'll"),
      Map.entry("i'd", "she'd"), Map.entry("me", "her"), Map.entry("my", "her"), Map.entry("mine", "hers"),
      Map.entry("myself", "herself"), Map.entry("am", "is"));
  private static final Map<String, String> TO_HE = Map.ofEntries(Map.entry("i", "he"), Map.entry("i'm", "he's"),
      Map.entry("im", "hes"), Map.entry("i've", "he's"), Map.entry("ive", "hes"), Map.entry("i'll", "he'll"),
      Map.entry("i'd", "he'd"), Map.entry("me", "him"), Map.entry("my", "his"), Map.entry("mine", "his"),
      Map.entry("myself", "himself"), Map.entry("am", "is"));
  /** Only "she" becomes "I": "he" is as often the one doing harm ("he hits her"), which must not become the resident. */
  private static final Map<String, String> FROM_SHE = Map.ofEntries(Map.entry("she", "I"), Map.entry("she's", "I'm"),
      Map.entry("shes", "im"), Map.entry("she'll", "I'll"), Map.entry("she'd", "I'd"), Map.entry("hers", "mine"),
      Map.entry("herself", "myself"));
  private static final List<String> OBJECT_FOLLOWERS = List.of("and", "to", "in", "out", "up", "with", "off", "down",
      "at", "on", "again", "anymore", "any", "so", "but", "or", "because", "when", "if", "all", "every", "for");

  /** First person becomes "she" or "he"; otherwise "she" and "her" become "I", "me" and "my". */
  String swapPerson(String text) {
    List<String> words = words(text);
    boolean firstPerson = words.stream().anyMatch(TO_SHE::containsKey);
    if (firstPerson) {
      Map<String, String> to = random.nextBoolean() ? TO_SHE : TO_HE;
      return replaceWords(text, (word, next) -> to.get(word));
    }
    if (!words.contains("she") && !words.contains("her") && !words.contains("she's")) {
      return text;
    }
    return replaceWords(text, (word, next) -> {
      if (word.equals("her")) {
        // "he hit her" (me), "her husband" (my): the next word tells them apart often enough
        return next == null || OBJECT_FOLLOWERS.contains(next) ? "me" : "my";
      }
      if (word.equals("is")) {
        return null; // "she is" to "I is" is rare enough in the phrases to leave
      }
      return FROM_SHE.get(word);
    });
  }

  private interface Replacement {
    /** The replacement of a lower-case word, or null to keep it; {@code next} is the following word or null. */
    String of(String word, String next);
  }

  private static String replaceWords(String text, Replacement replacement) {
    Matcher m = WORD.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int i = 0; i < spans.size(); i++) {
      int[] s = spans.get(i);
      String word = text.substring(s[0], s[1]).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
      String next = i + 1 < spans.size()
          ? text.substring(spans.get(i + 1)[0], spans.get(i + 1)[1]).toLowerCase(Locale.ROOT) : null;
      String with = replacement.of(word, next);
      out.append(text, at, s[0]).append(with == null ? text.substring(s[0], s[1]) : with);
      at = s[1];
    }
    return out.append(text.substring(at)).toString();
  }

  String misspell(String text) {
    Matcher m = WORD.matcher(text);
    List<int[]> candidates = new ArrayList<>();
    while (m.find()) {
      boolean apostrophe = text.substring(m.start(), m.end()).chars().anyMatch(c -> c == '\'' || c == '\u2019');
      if (m.end() - m.start() >= 4 && !apostrophe) {
        candidates.add(new int[] {m.start(), m.end()});
      }
    }
    if (candidates.isEmpty()) {
      return text;
    }
    int[] w = candidates.get(random.nextInt(candidates.size()));
    char[] chars = text.substring(w[0], w[1]).toCharArray();
    // never the first letter: residents seldom get it wrong, and the stem's start carries the word
    int i = 1 + random.nextInt(chars.length - 2);
    String word;
    if (random.nextBoolean()) {
      word = new String(chars, 0, i) + new String(chars, i + 1, chars.length - i - 1);
    } else {
      char c = chars[i];
      chars[i] = chars[i + 1];
      chars[i + 1] = c;
      word = new String(chars);
    }
    return text.substring(0, w[0]) + word + text.substring(w[1]);
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.replace('\u2019', '\''));
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  /** {@code count} items, each item once before any is used twice, in a seeded random order. */
  private <T> List<T> sample(List<T> from, int count) {
    List<T> out = new ArrayList<>(count);
    if (from.isEmpty()) {
      return out;
    }
    List<T> shuffled = new ArrayList<>(from);
    while (out.size() < count) {
      Collections.shuffle(shuffled, random);
      out.addAll(shuffled.subList(0, Math.min(shuffled.size(), count - out.size())));
    }
    return out;
  }
}
