package org.townhall.bot.collection;

/**
 * A mistake in a collection rounds file: where it is, and what is wrong, so the council (at start-up)
 * or an editor (uploading a new file) can put it right.
 */
public final class RoundsFileException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final String reason;

  RoundsFileException(String source, long line, String reason) {
    this(source, line, reason, null);
  }

  RoundsFileException(String source, long line, String reason, Throwable cause) {
    super(source + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
    this.line = line;
    this.reason = reason;
  }

  /** The line at fault (1 is the first line of the file), or 0 when the mistake is the whole file's. */
  public long line() {
    return line;
  }

  /** What is wrong, without where. */
  public String reason() {
    return reason;
  }
}
