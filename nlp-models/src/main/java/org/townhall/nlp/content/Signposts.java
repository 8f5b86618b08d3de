package org.townhall.nlp.content;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.text.TextNormalizer;

/**
 * A pack's signposts, in file order. The first that matches a message wins, which is why the
 * life-safety entries come first in {@code signposts.yml}.
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
   * The first signpost whose words are all in the message, compared after the classifier's own
   * normalisation (lower case, punctuation and symbols dropped, contractions expanded), so any
   * text, however long or odd, is safe here.
   */
  public Optional<Signpost> find(String message) {
    if (message == null || all.isEmpty()) {
      return Optional.empty();
    }
    Set<String> words = new HashSet<>(TextNormalizer.tokens(message));
    return all.stream().filter(s -> s.matches(words)).findFirst();
  }
}
