package org.townhall.bot.conversation;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ResidentNotServed.Why;

/**
 * Tells listeners, once a step is committed, of the resident messages the step showed the bot did
 * not serve well (a {@link Turn}'s {@link Turn#learned() signals}), with the message's own words
 * read from the transcript: a "No" to "Did that help?" is about the question asked turns before.
 */
@Component
class NotServedSignals {

  private final ConversationStore store;
  private final ApplicationEventPublisher events;

  NotServedSignals(ConversationStore store, ApplicationEventPublisher events) {
    this.store = store;
    this.events = events;
  }

  /** A signal a step raised: the resident's message by its seq. */
  record Signal(Why why, long seq, String intent) {}

  void publish(Turn turn, CommitResult committed) {
    ConversationRecord conversation = committed.record();
    for (Signal signal : turn.learned()) {
      line(conversation.id(), signal.seq(), committed.appended())
          .filter(TranscriptEntry::fromResident)
          .ifPresent(line -> events.publishEvent(new ResidentNotServed(conversation.id(), signal.seq(),
              conversation.channel(), signal.why(), line.text(), line.guesses(), signal.intent(), turn.now())));
    }
  }

  /** How many of a conversation's last lines are read for the messages a missed concern may be in. */
  private static final int LINES_READ = 40;
  /** How many of the resident's last messages are offered to editors as the one the check missed. */
  private static final int MESSAGES_OFFERED = 5;

  /**
   * Staff marked a concern the safeguarding check had not raised: the resident's last few messages go
   * to the editors, who decide which (if any) disclosed it and teach the check (issue #14: the real
   * residents' messages are the test no written set can be).
   */
  void missedConcern(ConversationRecord conversation, String category, java.time.Instant at) {
    List<TranscriptEntry> lines = store.transcript(conversation.id(), Math.max(0, conversation.lastSeq() - LINES_READ));
    List<TranscriptEntry> resident = lines.stream()
        .filter(TranscriptEntry::fromResident).filter(e -> e.text() != null && !e.text().isBlank()).toList();
    resident.subList(Math.max(0, resident.size() - MESSAGES_OFFERED), resident.size()).forEach(line ->
        events.publishEvent(new ResidentNotServed(conversation.id(), line.seq(), conversation.channel(),
            Why.SAFEGUARDING_MISSED, line.text(), line.guesses(), category, at)));
  }

  private Optional<TranscriptEntry> line(String id, long seq, List<TranscriptEntry> justAdded) {
    Optional<TranscriptEntry> added = justAdded.stream().filter(e -> e.seq() == seq).findFirst();
    return added.isPresent() ? added
        : store.transcript(id, seq - 1).stream().filter(e -> e.seq() == seq).findFirst();
  }
}
