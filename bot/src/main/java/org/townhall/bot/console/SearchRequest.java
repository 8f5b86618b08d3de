package org.townhall.bot.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.SearchCursor;
import org.townhall.bot.conversation.SearchQuery;
import org.townhall.bot.web.ApiException;

/**
 * A search as the console asks for it (query parameters, all optional but not all empty), checked
 * into a {@link SearchQuery}: a wrong part gets 400 naming it, before anything is looked up.
 *
 * @param size how many results a page holds
 * @param after where the page starts (the {@code next} of the page before), or null
 */
record SearchRequest(SearchQuery query, String reference, LocalDate from, LocalDate to, SearchCursor after,
    int size) {

  static final int LONGEST = 200;
  static final int MOST_WORDS = 10;
  static final int DEFAULT_SIZE = 20;
  static final int LARGEST_SIZE = 50;
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern SIZE = Pattern.compile("[0-9]{1,3}");

  /**
   * @param teams the teams a conversation can reach, which {@code team} must be one of
   * @param zone the council's time zone: a date is a day there
   */
  static SearchRequest parse(String reference, String words, String from, String to, String team, String outcome,
      String after, String size, List<String> teams, ZoneId zone) {
    for (String[] part : new String[][] {{"reference", reference}, {"words", words}, {"from", from}, {"to", to},
        {"team", team}, {"outcome", outcome}, {"after", after}, {"size", size}}) {
      if (part[1] != null && part[1].length() > LONGEST) {
        throw ApiException.badRequest(part[0] + " is too long: at most " + LONGEST + " characters.");
      }
    }
    String ref = blankToNull(reference);
    String idStart = ref == null ? null : ConversationReferences.idStart(ref).orElseThrow(() ->
        ApiException.badRequest("reference must look like TH-1A2B3C4D: TH- and eight digits or letters A to F."));
    Set<String> wordSet = wordsOf(blankToNull(words));
    LocalDate fromDay = date("from", from);
    LocalDate toDay = date("to", to);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      throw ApiException.badRequest("from must not be after to.");
    }
    String teamName = blankToNull(team);
    if (teamName != null && !teams.contains(teamName)) {
      throw ApiException.badRequest("team must be one of " + teams + ".");
    }
    String code = blankToNull(outcome);
    if (code != null && WrapUp.of(code).isEmpty()) {
      throw ApiException.badRequest("outcome must be one of " + WrapUp.codes() + ".");
    }
    if (ref == null && wordSet.isEmpty() && fromDay == null && toDay == null && teamName == null && code == null) {
      throw ApiException.badRequest("Search by a reference, words, dates, a team or an outcome: give at least one.");
    }
    SearchCursor cursor = blankToNull(after) == null ? null : SearchCursor.parse(after.strip()).orElseThrow(() ->
        ApiException.badRequest("after must be the \"next\" value of the page before."));
    SearchQuery query = new SearchQuery(idStart, wordSet, fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
        toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant(), teamName, code);
    return new SearchRequest(query, ref == null ? null : ConversationReferences.of(idStart), fromDay, toDay, cursor,
        size(size));
  }

  /** What was searched for, for the audit log: never the words themselves, which may be a resident's details. */
  String describe(int found, boolean more) {
    List<String> parts = new ArrayList<>();
    if (reference != null) {
      parts.add("reference " + reference);
    }
    if (!query.words().isEmpty()) {
      parts.add(query.words().size() + (query.words().size() == 1 ? " word" : " words"));
    }
    if (from != null) {
      parts.add("from " + from);
    }
    if (to != null) {
      parts.add("to " + to);
    }
    if (query.team() != null) {
      parts.add("team " + query.team());
    }
    if (query.outcome() != null) {
      parts.add("outcome " + query.outcome());
    }
    parts.add(found + " found" + (after != null ? " (a later page)" : "") + (more ? ", more to see" : ""));
    return String.join("; ", parts);
  }

  private static Set<String> wordsOf(String words) {
    if (words == null) {
      return Set.of();
    }
    Set<String> found = SearchQuery.wordsOf(words);
    if (found.isEmpty()) {
      throw ApiException.badRequest("words must hold a word of two or more letters or digits.");
    }
    if (found.size() > MOST_WORDS) {
      throw ApiException.badRequest("Give at most " + MOST_WORDS + " words.");
    }
    return found;
  }

  private static LocalDate date(String name, String value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      if (DATE.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeException e) {
      // Not a day of the calendar (2026-02-30): the same answer as any other bad date.
    }
    throw ApiException.badRequest(name + " must be a date as YYYY-MM-DD, e.g. 2026-12-03.");
  }

  private static int size(String value) {
    String text = blankToNull(value);
    if (text == null) {
      return DEFAULT_SIZE;
    }
    int size = SIZE.matcher(text).matches() ? Integer.parseInt(text) : 0;
    if (size < 1 || size > LARGEST_SIZE) {
      throw ApiException.badRequest("size must be a whole number from 1 to " + LARGEST_SIZE + ".");
    }
    return size;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
