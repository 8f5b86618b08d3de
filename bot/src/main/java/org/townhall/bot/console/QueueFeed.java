package org.townhall.bot.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.SafeguardingConcerns;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.store.StoreUnavailableException;
import org.townhall.bot.conversation.TranscriptEntry;

/**
 * The live queue: Server-Sent Events to every open console on this instance. Each instance re-reads
 * the shared queue from the store every {@code queue-refresh} and pushes a snapshot only when the
 * queue changed, so a conversation handed off through any instance appears on every console without
 * a reload and without instances knowing about each other.
 */
@Component
class QueueFeed {

  private static final Logger log = LoggerFactory.getLogger(QueueFeed.class);
  private static final int PREVIEW_CHARS = 80;

  /** What the stream sends: the queue as the server saw it at {@code serverTime}. */
  record Snapshot(Instant serverTime, List<ConsoleViews.QueueItem> items) {

    /** What counts as a change; wait times grow by themselves and are counted by the page. */
    List<String> key() {
      return items.stream()
          .map(i -> i.conversationId() + '|' + i.state() + '|' + i.owner() + '|' + i.team() + '|' + i.urgent()
              + '|' + i.alert() + '|' + (i.safeguarding() == null ? "" : i.safeguarding().category() + '#'
              + i.safeguarding().raises()))
          .toList();
    }
  }

  private final Conversations conversations;
  private final AnswerCatalog catalog;
  private final Clock clock;
  private final ConsoleProperties properties;
  private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
  // First words of a waiting conversation never change: read each transcript once while it is queued.
  private final Map<String, String> previews = new ConcurrentHashMap<>();
  private volatile List<String> lastKey = List.of();
  private volatile Instant lastSent = Instant.EPOCH;

  private final SafeguardingConcerns concerns;

  QueueFeed(Conversations conversations, AnswerCatalog catalog, Clock clock, ConsoleProperties properties,
      SafeguardingConcerns concerns) {
    this.conversations = conversations;
    this.concerns = concerns;
    this.catalog = catalog;
    this.clock = clock;
    this.properties = properties;
  }

  /** The queue now: urgent first, then longest waiting (the store's order). */
  Snapshot snapshot() {
    Instant now = clock.instant();
    List<ConversationRecord> queue = conversations.handoffQueue();
    previews.keySet().retainAll(queue.stream().map(ConversationRecord::id).toList());
    List<ConsoleViews.QueueItem> items = queue.stream()
        .map(c -> ConsoleViews.QueueItem.of(c, c.handoff().topic() == null ? null : catalog.title(c.handoff().topic()),
            previews.computeIfAbsent(c.id(), this::preview), concerns.of(c).orElse(null), now, properties))
        .toList();
    return new Snapshot(now, items);
  }

  /** Opens a stream that starts with the current queue. */
  SseEmitter open() {
    SseEmitter stream = new SseEmitter(properties.streamTimeout().toMillis());
    stream.onCompletion(() -> streams.remove(stream));
    stream.onTimeout(() -> streams.remove(stream));
    stream.onError(e -> streams.remove(stream));
    Snapshot now = snapshot();
    if (send(stream, now)) {
      streams.add(stream);
    }
    return stream;
  }

  int openStreams() {
    return streams.size();
  }

  @Scheduled(fixedDelayString = "${townhall.console.queue-refresh}")
  void refresh() {
    if (streams.isEmpty()) {
      return;
    }
    try {
      Snapshot now = snapshot();
      List<String> key = now.key();
      boolean heartbeatDue = !now.serverTime().isBefore(lastSent.plus(properties.heartbeat()));
      if (key.equals(lastKey) && !heartbeatDue) {
        return;
      }
      lastKey = key;
      lastSent = now.serverTime();
      for (SseEmitter stream : streams) {
        send(stream, now);
      }
    } catch (StoreUnavailableException e) {
      // The page keeps its last list and the stream stays open; the next refresh tries again.
      log.warn("Queue refresh skipped: {}", e.getMessage());
    }
  }

  /** Ends every open stream first, so that a graceful shutdown does not wait for them to time out. */
  @EventListener(ContextClosedEvent.class)
  void closeStreams() {
    for (SseEmitter stream : streams) {
      stream.complete();
    }
    streams.clear();
  }

  /**
   * Sends the snapshot; false if the console has gone away, which is normal (a tab closed, a laptop
   * shut). The stream is then only forgotten, not completed: the container has seen the failed
   * write and ends the request itself, and completing it from this thread as well races with that
   * (Tomcat refuses it with "AsyncContext after an error"). Other failures are real and propagate.
   */
  private boolean send(SseEmitter stream, Snapshot snapshot) {
    try {
      stream.send(SseEmitter.event().name("queue").data(snapshot, MediaType.APPLICATION_JSON));
      return true;
    } catch (IOException gone) {
      streams.remove(stream);
      log.debug("A console's queue stream was closed: {}", gone.toString());
      return false;
    } catch (IllegalStateException ended) {
      // Already completed (timed out, or its client's error handled) between reading the set and sending.
      streams.remove(stream);
      log.debug("A console's queue stream had already ended: {}", ended.toString());
      return false;
    }
  }

  private String preview(String conversationId) {
    return conversations.transcript(conversationId, 0).stream()
        .filter(TranscriptEntry::fromResident)
        .map(TranscriptEntry::text)
        .findFirst()
        .map(t -> t.length() <= PREVIEW_CHARS ? t : t.substring(0, PREVIEW_CHARS) + "…")
        .orElse("");
  }
}
