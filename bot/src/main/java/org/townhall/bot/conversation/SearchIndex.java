package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What search reads besides the conversations themselves, kept up to date by the store's commits:
 * conversations by last change, their words and their references. Only conversations the resident
 * wrote in are indexed, and none is found past its retention ({@code townhall.retention.*}).
 */
interface SearchIndex {

  /**
   * Conversations in the order search walks them (last change, newest first, then id descending):
   * changed at or after {@code since}, after {@code after} in that order (null: from the newest), at
   * most {@code limit}.
   */
  List<SearchCursor> changedSince(Instant since, SearchCursor after, int limit);

  /**
   * Those of {@code ids} whose resident's and staff's lines hold every one of {@code words} (as
   * {@link SearchWords} makes them; about {@link SearchWords#KEPT_PER_CONVERSATION} kept per
   * conversation at most).
   */
  Set<String> withWords(List<String> ids, Set<String> words);

  /** Ids of conversations whose id starts with {@code idStart}, the latest changed first. */
  List<String> startingWith(String idStart);
}
