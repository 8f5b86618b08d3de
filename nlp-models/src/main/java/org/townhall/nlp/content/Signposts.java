package org.townhall.nlp.content;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.text.TextNormalizer;

/**
 * A pack's signposts, in file order. A life-safety signpost that matches a message always wins,
 * wherever an editor put it in {@code signposts.yml}; among the rest, the first match wins.
 */
public final class Signposts {

  /** A pack without {@code signposts.yml}. */
  public static final Signposts NONE = new Signposts(List.of());

  private final List<Signpost> all;

  public Signposts(List<Signpost> all) {
    this.all = List.copyOf(all);
  }

  public List<Signpost> all() {
    return all;
  }

  /**
   * The signpost for a message: a matching life-safety one, else the first other match. Words are
   * compared after the classifier's own normalisation (lower case, punctuation and symbols dropped,
   * contractions expanded), so any text, however long or odd, is safe here.
   */
  public Optional<Signpost> find(String message) {
    Set<String> words = words(message);
    return first(words, true).or(() -> first(words, false));
  }

  /**
   * The first matching life-safety signpost ("I can smell gas"), said whatever the bot answers.
   * Asked for every message the bot replies to, so it looks at the life-safety entries only.
   */
  public Optional<Signpost> emergency(String message) {
    return first(words(message), true);
  }

  /**
   * The first matching pointer to another organisation, for a message the bot did not understand;
   * none when a life-safety signpost matches, because that one is said instead (a 999 line and a
   * "call 101" line side by side would only confuse).
   */
  public Optional<Signpost> referral(String message) {
    return find(message).filter(s -> !s.emergency());
  }

  /** The message's normalised words; none (and no normalising) for a pack without signposts. */
  private Set<String> words(String message) {
    return message == null || all.isEmpty() ? Set.of() : new HashSet<>(TextNormalizer.tokens(message));
  }

  private Optional<Signpost> first(Set<String> words, boolean emergency) {
    return all.stream().filter(s -> s.emergency() == emergency && s.matches(words)).findFirst();
  }
}
