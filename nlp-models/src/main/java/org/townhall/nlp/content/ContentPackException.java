package org.townhall.nlp.content;

import java.util.List;
import java.util.stream.Collectors;

/** A content pack that cannot be used, with every problem found in it. */
public final class ContentPackException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * One problem an editor has to fix.
   *
   * @param file the file, relative to the pack folder (e.g. {@code intents/bin_collection_day.yml})
   * @param line 1-based line number, or 0 when the problem concerns the file as a whole
   * @param message what is wrong, in plain English
   */
  public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
      return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public ContentPackException(String pack, List<Problem> problems) {
    super(describe(pack, problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in file order and line order within a file. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(String pack, List<Problem> problems) {
    return "content pack " + pack + " has " + problems.size()
        + (problems.size() == 1 ? " problem" : " problems") + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
