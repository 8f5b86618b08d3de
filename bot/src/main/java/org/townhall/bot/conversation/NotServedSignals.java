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

  private Optional<TranscriptEntry> line(String id, long seq, List<TranscriptEntry> justAdded) {
    Optional<TranscriptEntry> added = justAdded.stream().filter(e -> e.seq() == seq).findFirst();
    return added.isPresent() ? added
        : store.transcript(id, seq - 1).stream().filter(e -> e.seq() == seq).findFirst();
  }
}
