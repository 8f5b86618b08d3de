package org.townhall.bot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a conversation changes: read it, decide, commit with a version check, tell listeners.
 * A commit that loses to another (a staff claim between the bot's read and write, a second
 * instance) changes nothing, and the step is decided again on the fresh state; so the bot never
 * answers a conversation that staff have taken, and no two changes overwrite each other.
 */
@Component
class ConversationCommits {

  private static final int ATTEMPTS = 5;

  private final ConversationStore store;
  private final ConversationProperties settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  ConversationCommits(ConversationStore store, ConversationProperties settings, Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /**
   * What a step decided on the conversation as read.
   *
   * @param <T> what the step answers its caller
   */
  sealed interface Decision<T> {}

  /**
   * Commit {@code next} and append {@code entries}; once committed, {@code done} runs (before
   * listeners hear of it) and gives the step's answer.
   */
  record Change<T>(ConversationRecord next, List<TranscriptEntry> entries, Function<CommitResult, T> done)
      implements Decision<T> {}

  /** Nothing to commit (refused, or nothing to do): answer {@code value}. */
  record Answer<T>(T value) implements Decision<T> {}

  /**
   * Decides and commits until a commit holds.
   *
   * @param decide the step, on the conversation as just read
   * @param missing the answer when the conversation does not exist
   * @param gaveUp the answer when it kept changing under every attempt
   */
  <T> T change(String id, Function<ConversationRecord, Decision<T>> decide, Supplier<T> missing,
      Supplier<T> gaveUp) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ConversationRecord> found = store.find(id);
      if (found.isEmpty()) {
        return missing.get();
      }
      ConversationRecord current = found.get();
      Decision<T> decision = decide.apply(current);
      if (decision instanceof Answer<T> answer) {
        return answer.value();
      }
      Change<T> change = (Change<T>) decision;
      Optional<T> done = commit(current, change);
      if (done.isPresent()) {
        return done.get();
      }
    }
    return gaveUp.get();
  }

  /** Commits a new conversation (it must not exist yet). */
  CommitResult create(ConversationRecord record, List<TranscriptEntry> entries) {
    return commit(null, new Change<>(record, entries, Function.identity()))
        .orElseThrow(() -> new IllegalStateException("conversation id collision: " + record.id()));
  }

  /** Commits {@code change} over {@code current} (null: a new conversation), keeping its handling history. */
  private <T> Optional<T> commit(ConversationRecord current, Change<T> change) {
    ConversationRecord next = Episodes.carriedOver(current,
        HandlingHistory.carriedOver(current, withDeadline(change.next())), change.entries());
    long expectedVersion = current == null ? 0 : current.version();
    return store.commit(next, expectedVersion, change.entries()).map(result -> {
      T answer = change.done().apply(result);
      events.publishEvent(new ConversationUpdated(result.record(), result.appended(), current));
      return answer;
    });
  }

  /** Only conversations with the bot time out; one waiting for or with staff never does. */
  private ConversationRecord withDeadline(ConversationRecord record) {
    return record.withIdleDeadline(record.state().withBot() ? clock.instant().plus(settings.idleTimeout()) : null);
  }
}
