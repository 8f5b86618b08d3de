package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Finds past and current conversations for staff: by reference, words, dates, team and outcome. Walks
 * the index the store keeps at commit time, latest changed first, in batches, and looks at no more
 * than {@code townhall.search.scan-limit} conversations per request; a reference is looked up
 * directly. The same code on both stores; what each store's index holds ends with the conversation.
 */
@Service
public class ConversationSearch {

  private static final int BATCH = 200;

  private final ConversationStore store;
  private final SearchIndex index;
  private final SearchProperties settings;

  ConversationSearch(ConversationStore store, SearchIndex index, SearchProperties settings) {
    this.store = store;
    this.index = index;
    this.settings = settings;
  }

  /** A conversation found, with what it went through. */
  public record Found(ConversationRecord conversation, HandlingHistory history) {

    SearchCursor place() {
      return new SearchCursor(conversation.updatedAt().toEpochMilli(), conversation.id());
    }
  }

  /**
   * One page of what was found, latest changed first.
   *
   * @param next where the next page starts, or null when there is nothing more to look at
   * @param stoppedAtScanLimit the page ended early because the request looked at as many
   *     conversations as it may; {@code next} goes on from there
   */
  public record Page(List<Found> found, SearchCursor next, boolean stoppedAtScanLimit) {}

  /**
   * @param visible whether the member of staff searching may see a conversation with this history
   * @param after where this page starts (null: from the latest changed)
   * @param size the most to find
   */
  public Page search(SearchQuery query, Predicate<HandlingHistory> visible, SearchCursor after, int size) {
    Predicate<Found> wanted = f -> visible.test(f.history()) && query.matches(f.conversation(), f.history());
    if (query.idStart() != null) {
      List<Found> all = keep(found(index.startingWith(query.idStart())), wanted, query.words()).stream()
          .filter(f -> after == null || after.before(f.place().changedAt(), f.conversation().id())).toList();
      return all.size() > size ? new Page(all.subList(0, size), all.get(size - 1).place(), false)
          : new Page(all, null, false);
    }
    Instant since = query.activeFrom() == null ? Instant.EPOCH : query.activeFrom();
    List<Found> page = new ArrayList<>();
    SearchCursor position = after;
    int looked = 0;
    while (looked < settings.scanLimit()) {
      int asked = Math.min(BATCH, settings.scanLimit() - looked);
      List<SearchCursor> places = index.changedSince(since, position, asked);
      Map<String, Found> matching = new HashMap<>();
      keep(found(places.stream().map(SearchCursor::conversationId).toList()), wanted, query.words())
          .forEach(f -> matching.put(f.conversation().id(), f));
      for (SearchCursor place : places) {
        looked++;
        position = place;
        Found f = matching.get(place.conversationId());
        if (f != null) {
          page.add(f);
          if (page.size() == size) {
            return new Page(page, place, false);
          }
        }
      }
      if (places.size() < asked) {
        return new Page(page, null, false);
      }
    }
    return new Page(page, position, true);
  }

  private List<Found> found(List<String> ids) {
    return store.findAll(ids).stream().map(c -> new Found(c, HandlingHistory.of(c))).toList();
  }

  /** The wanted ones, and of those the ones holding every word (asked of the index in one go). */
  private List<Found> keep(List<Found> candidates, Predicate<Found> wanted, Set<String> words) {
    List<Found> kept = candidates.stream().filter(wanted).toList();
    if (words.isEmpty() || kept.isEmpty()) {
      return kept;
    }
    Set<String> withWords = index.withWords(kept.stream().map(f -> f.conversation().id()).toList(), words);
    return kept.stream().filter(f -> withWords.contains(f.conversation().id())).toList();
  }
}
