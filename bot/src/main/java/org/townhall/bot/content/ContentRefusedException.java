package org.townhall.bot.content;

import java.util.List;
import org.townhall.nlp.content.ContentPackException;

/** A content change refused for a reason an editor can act on: the message says what to do. */
public final class ContentRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient List<ContentPackException.Problem> problems;

  ContentRefusedException(String message, List<ContentPackException.Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** The pack's problems (file, line, message) behind the refusal; empty when it is not about them. */
  public List<ContentPackException.Problem> problems() {
    return problems;
  }
}
