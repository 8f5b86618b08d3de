package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.townhall.nlp.content.ContentPackException.Problem;

/** Collects problems while a pack is read, so an editor sees all of them at once. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();

  void add(String file, int line, String message) {
    found.add(new Problem(file, line, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  void throwIfAny(String pack) {
    if (!found.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(found);
      sorted.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
      throw new ContentPackException(pack, sorted);
    }
  }
}
