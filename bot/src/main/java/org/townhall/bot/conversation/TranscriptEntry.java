package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation's transcript.
 *
 * @param seq position in the transcript, from 1, assigned by the store on commit
 * @param from who wrote it
 * @param text what was said
 * @param options quick-reply choices offered with it (possibly empty)
 * @param at when it was written
 * @param author for agent lines, the member of staff as residents see them ("Sam, Council tax team"); otherwise null
 * @param guesses for resident lines, what the classifier thought (best first); otherwise empty
 */
public record TranscriptEntry(
    long seq, Sender from, String text, List<String> options, Instant at, String author, List<Guess> guesses) {

  public TranscriptEntry {
    options = options == null ? List.of() : List.copyOf(options);
    guesses = guesses == null ? List.of() : List.copyOf(guesses);
  }

  /** A line not yet committed: the store gives it its {@code seq}. */
  public static TranscriptEntry draft(Sender from, String text, List<String> options, Instant at) {
    return new TranscriptEntry(0, from, text, options, at, null, List.of());
  }

  /** Whether the resident wrote this line: a conversation without one is kept only briefly. */
  public boolean fromResident() {
    return from == Sender.RESIDENT;
  }

  public TranscriptEntry withSeq(long newSeq) {
    return new TranscriptEntry(newSeq, from, text, options, at, author, guesses);
  }

  public TranscriptEntry withAuthor(String newAuthor) {
    return new TranscriptEntry(seq, from, text, options, at, newAuthor, guesses);
  }

  public TranscriptEntry withGuesses(List<Guess> newGuesses) {
    return new TranscriptEntry(seq, from, text, options, at, author, newGuesses);
  }
}
