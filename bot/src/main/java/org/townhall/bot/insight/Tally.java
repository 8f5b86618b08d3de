package org.townhall.bot.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The counters one change adds to, named {@code <figure>|<channel>|<team>|<detail>}: a channel,
 * a team, a topic (intent id), a wrap-up code, a staff user name or a duration bucket, never
 * anything a resident wrote. Names are fields of a day's hash, never key names.
 */
final class Tally {

  static final String SEPARATOR = "|";
  /** Events about no team's topic and in no team's queue. */
  static final String NO_TEAM = "none";
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@'+:-]");
  private static final int LONGEST = 100;

  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final String channel;
  private final String team;

  Tally(String channel, String team) {
    this.channel = channel != null && Insight.CHANNELS.contains(channel) ? channel : "other";
    this.team = team == null ? NO_TEAM : part(team);
  }

  Tally add(String figure, String detail, long by) {
    if (by != 0) {
      counts.merge(figure + SEPARATOR + channel + SEPARATOR + team + SEPARATOR + part(detail), by, Long::sum);
    }
    return this;
  }

  Tally add(String figure, String detail) {
    return add(figure, detail, 1);
  }

  Map<String, Long> counts() {
    return counts;
  }

  /** A name part as counted: the separator and anything unusual replaced, bounded in length. */
  static String part(String value) {
    if (value == null || value.isBlank()) {
      return "-";
    }
    String safe = UNSAFE.matcher(value.strip()).replaceAll("_");
    return safe.length() > LONGEST ? safe.substring(0, LONGEST) : safe;
  }

  /** A counter's name read back into its parts (figure, channel, team, detail); null if not one. */
  static String[] parse(String name) {
    String[] parts = name.split(Pattern.quote(SEPARATOR), -1);
    return parts.length == 4 ? parts : null;
  }
}
