package org.townhall.nlp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Welsh message's words have in common however a resident types them, so a classifier trained
 * on some forms recognises the others:
 *
 * <ul>
 *   <li><b>Accents</b>: "dŵr" and "dwr", "ffôn" and "ffon", "ysgol" and "ysgôl" are one word; most
 *       people typing on a phone leave circumflexes out.
 *   <li><b>Clitics</b>: "mae'r" is "mae yr", "dwi'n" is "dwi yn", "i'w" is "i ei", "be' di" is "be wedi";
 *       written with or without the apostrophe where that is unambiguous ("maer", "dwin").
 *   <li><b>Mutations</b>: the first consonant of a Welsh word changes after some words ("bin" →
 *       "fy min", "ei fin"; "treth" → "fy nhreth", "dy dreth"; "cyngor" → "ein cyngor", "y
 *       gyngor", "fy nghyngor"). Without a dictionary a mutated form cannot always be turned back
 *       into its radical (an initial "f" is a mutated "b" or "m"), so {@link #mutationKey} maps
 *       every form of a word to one key instead: labials to "b", dentals to "d", velars to "g",
 *       "ll" to "l", "rh" to "r". Unrelated words can share a key ("pam", why, and "mam",
 *       mother); that is why the key is an extra feature, beside the word as typed, never a
 *       replacement for it. The soft mutation of "g" (dropped: "gardd" → "yr ardd") cannot be
 *       undone this way and is left to the character n-grams.
 * </ul>
 *
 * <p>Stateless and thread-safe; never throws for a non-null string. Used only for packs whose
 * language is Welsh: English words run through it would be changed for nothing.
 */
public final class WelshText {

  /** Clitics after an apostrophe, and the word each stands for. */
  private static final Map<String, String> CLITICS = Map.of(
      "r", "yr", "n", "yn", "i", "ei", "w", "ei", "m", "fy", "th", "dy", "ch", "eich", "di", "wedi", "ma", "yma",
      "na", "yna");

  /**
   * Words that are a host and a clitic run together without the apostrophe, as people type them:
   * only those that cannot be another word.
   */
  private static final Map<String, String> RUN_TOGETHER = Map.ofEntries(
      Map.entry("maer", "mae yr"), Map.entry("maen", "mae yn"), Map.entry("dwin", "dwi yn"),
      Map.entry("ir", "i yr"), Map.entry("dwim", "dwi ddim"), Map.entry("sdim", "does dim"),
      Map.entry("gai", "ga i"),
      // the same word in the South and the North, and as typed
      Map.entry("isio", "eisiau"), Map.entry("isie", "eisiau"), Map.entry("ishe", "eisiau"),
      Map.entry("moyn", "eisiau"), Map.entry("rwan", "nawr"), Map.entry("ydi", "ydy"));

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private WelshText() {}

  /** The word without accents or circumflexes: "dŵr" → "dwr", "tŷ" → "ty", "ffôn" → "ffon". */
  public static String withoutAccents(String word) {
    String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("");
  }

  /**
   * The words a token stands for, its clitics and common run-together forms written out: "mae'r" →
   * [mae, yr], "i'w" → [i, ei], "dwin" → [dwi, yn]; any other token as it is.
   */
  public static List<String> words(String token) {
    List<String> out = new ArrayList<>(2);
    String run = RUN_TOGETHER.get(token);
    if (run != null) {
      for (String word : run.split(" ")) {
        out.add(word);
      }
      return out;
    }
    int apostrophe = token.indexOf('\'');
    if (apostrophe > 0 && apostrophe < token.length() - 1) {
      String clitic = CLITICS.get(token.substring(apostrophe + 1));
      if (clitic != null) {
        out.add(token.substring(0, apostrophe));
        out.add(clitic);
        return out;
      }
    }
    if (apostrophe == 0 && token.length() > 1) { // 'r, 'n standing alone ("be 'di")
      String clitic = CLITICS.get(token.substring(1));
      out.add(clitic == null ? token.substring(1) : clitic);
      return out;
    }
    out.add(token.replace("'", ""));
    return out;
  }

  /**
   * One key for every mutated form of a word (see the class comment): "bin", "min", "fin" → "bin";
   * "treth", "dreth", "nhreth", "threth" → "dreth"; "cyngor", "gyngor", "nghyngor", "chyngor"… →
   * "gyngor"; "llyfrgell", "lyfrgell" → "lyfrgell"; "rhif", "rif" → "rif". Lower-case input, as
   * {@link TextNormalizer} gives it; accents are left as they are (see {@link #withoutAccents}).
   */
  public static String mutationKey(String word) {
    if (word.length() < 2 || !Character.isLetter(word.charAt(0))) {
      return word;
    }
    // Longest prefixes first; each form maps straight to its class's key (never chained).
    for (String[] rule : PREFIXES) {
      if (word.startsWith(rule[0]) && word.length() > rule[0].length()) {
        return rule[1] + word.substring(rule[0].length());
      }
    }
    return word;
  }

  /**
   * Mutated and radical initials, each to its class's key: labials p, b, m, (soft) f, (nasal) mh, m,
   * (aspirate) ph → b; dentals t, d, (soft) dd, (nasal) nh, n, (aspirate) th → d; velars c, g, (nasal)
   * ngh, ng → g ("ch" is kept: it is far more often a radical, "chi", "chwarae", than a mutated c);
   * ll → l; rh → r. "ff" is a radical of its own (ffôn) and kept.
   */
  private static final String[][] PREFIXES = {
      {"ngh", "g"}, {"mh", "b"}, {"nh", "d"}, {"ph", "b"}, {"th", "d"}, {"dd", "d"}, {"ng", "g"}, {"ll", "l"},
      {"rh", "r"}, {"ff", "ff"}, {"ch", "ch"}, {"p", "b"}, {"m", "b"}, {"f", "b"}, {"t", "d"}, {"n", "d"},
      {"c", "g"}};
}
