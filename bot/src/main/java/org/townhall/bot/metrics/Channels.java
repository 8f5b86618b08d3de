package org.townhall.bot.metrics;

import java.util.Set;

/** The channel tag: one of the channels the bot has, so a stored value can never add a time series. */
final class Channels {

  private static final Set<String> KNOWN = Set.of("webchat", "telegram");

  private Channels() {}

  static String tag(String channel) {
    return channel != null && KNOWN.contains(channel) ? channel : "other";
  }
}
