package org.townhall.nlp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * A word's WordNet senses as features: for a content word, the synsets of its first {@value
 * #SENSES} senses as a noun, verb and adjective and their direct hypernyms, all alike ({@code
 * s=n4497386}), so a word meets both its synonyms and its broader word: "rubbish" and "refuse"
 * share "waste", "lorry" meets "truck", "bin" meets "container", and a phrase can find its intent
 * without sharing a word with it.
 *
 * <p>WordNet 3.1 (Princeton, American English) from extJWNL's bundled data: British words it
 * knows ("lorry", "rubbish", "pavement") are there, but British-only ones ("wheelie") and local
 * government terms ("fly tipping", "council tax") are not.
 *
 * <p>Thread-safe: one dictionary per process, loaded on first use (about a second); lookups are
 * serialised and each word's answer is cached, so a message repeats no lookup.
 */
final class WordNetSenses {

  static final int SENSES = 2;
  /** Bounds the cache against a stream of made-up words; beyond it, words are looked up again. */
  private static final int MAX_CACHED_WORDS = 100_000;
  private static final POS[] PARTS_OF_SPEECH = {POS.NOUN, POS.VERB, POS.ADJECTIVE};

  /**
   * Function words and chat words that WordNet knows in odd senses ("i" is iodine, "can" a tin,
   * "will" a legal document) and that say nothing about a council topic.
   */
  private static final Set<String> STOP_WORDS = Set.of(
      "the", "and", "not", "for", "but", "are", "was", "were", "been", "being", "have", "has",
      "had", "having", "does", "did", "doing", "done", "can", "could", "will", "would", "shall",
      "should", "may", "might", "must", "get", "got", "getting", "gets", "you", "your", "yours",
      "our", "ours", "they", "them", "their", "his", "her", "she", "him", "its", "this", "that",
      "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
      "there", "here", "then", "than", "too", "very", "just", "also", "any", "all", "some", "one",
      "ones", "out", "off", "over", "under", "again", "about", "into", "from", "with", "without",
      "please", "thanks", "thank", "hello", "hey", "yes", "yeah", "okay", "need", "want", "like",
      "know", "tell", "help", "let", "make", "made", "way", "still", "now", "today", "day",
      "time", "ago", "back", "much", "many", "more", "most", "less", "lot", "lots", "really",
      "think", "say", "said", "ask", "asking", "look", "looking", "going", "come", "coming",
      "take", "put", "use", "new", "old", "good", "bad", "well", "even", "only", "own", "same",
      "other", "another", "such", "each", "every", "both", "either", "neither", "someone",
      "something", "anyone", "anything", "nothing", "everyone", "everything", "ever");

  private static final class Shared {
    static final WordNetSenses INSTANCE = new WordNetSenses(loadDictionary());
  }

  private final Dictionary dictionary;
  private final ConcurrentHashMap<String, List<String>> cache = new ConcurrentHashMap<>();

  private WordNetSenses(Dictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** The process's one instance; the first call loads WordNet. */
  static WordNetSenses shared() {
    return Shared.INSTANCE;
  }

  /** The sense features of each content word of {@code tokens} (normalised, not stemmed). */
  List<String> features(String[] tokens) {
    List<String> features = new ArrayList<>();
    for (String token : tokens) {
      features.addAll(of(token));
    }
    return features;
  }

  List<String> of(String word) {
    if (word.length() < 3 || word.startsWith("_") || STOP_WORDS.contains(word)
        || !word.chars().allMatch(Character::isLetter)) {
      return List.of();
    }
    List<String> known = cache.get(word);
    if (known != null) {
      return known;
    }
    List<String> found = lookUp(word);
    if (cache.size() < MAX_CACHED_WORDS) {
      cache.putIfAbsent(word, found);
    }
    return found;
  }

  private List<String> lookUp(String word) {
    List<String> features = new ArrayList<>();
    try {
      // extJWNL's file-backed dictionary is not documented as thread-safe
      synchronized (dictionary) {
        for (POS pos : PARTS_OF_SPEECH) {
          IndexWord indexWord = dictionary.lookupIndexWord(pos, word);
          if (indexWord == null) {
            continue;
          }
          List<Synset> senses = indexWord.getSenses();
          for (Synset sense : senses.subList(0, Math.min(SENSES, senses.size()))) {
            features.add(feature(sense));
            for (Pointer pointer : sense.getPointers(PointerType.HYPERNYM)) {
              features.add(feature(pointer.getTargetSynset()));
            }
          }
        }
      }
    } catch (JWNLException | RuntimeException e) {
      // a word WordNet cannot parse simply has no senses; the other features still count
      return List.of();
    }
    return List.copyOf(features);
  }

  private static String feature(Synset synset) {
    return "s=" + synset.getPOS().getKey() + synset.getOffset();
  }

  private static Dictionary loadDictionary() {
    try {
      return Dictionary.getDefaultResourceInstance();
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot load the bundled WordNet data", e);
    }
  }
}
