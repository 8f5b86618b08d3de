package org.townhall.bot.content;

import java.util.List;
import org.townhall.nlp.content.ContentPackException;

/** A content change refused for a reason an editor can act on: the message says what to do. */
public final class ContentRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  /** Why, as the API answers it. */
  public enum Reason {
    BAD_INPUT, NOT_FOUND, CONFLICT, PROBLEMS,
    /** The file changed after the editor opened it (HTTP's failed precondition, If-Match). */
    STALE
  }

  private final Reason reason;
  private final transient List<ContentPackException.Problem> problems;

  /** Refused because of the pack's problems, or (none given) because of the state things are in. */
  ContentRefusedException(String message, List<ContentPackException.Problem> problems) {
    this(problems.isEmpty() ? Reason.CONFLICT : Reason.PROBLEMS, message, problems);
  }

  ContentRefusedException(Reason reason, String message) {
    this(reason, message, List.of());
  }

  private ContentRefusedException(Reason reason, String message, List<ContentPackException.Problem> problems) {
    super(message);
    this.reason = reason;
    this.problems = List.copyOf(problems);
  }

  public Reason reason() {
    return reason;
  }

  /** The pack's problems (file, line, message) behind the refusal; empty when it is not about them. */
  public List<ContentPackException.Problem> problems() {
    return problems;
  }
}
