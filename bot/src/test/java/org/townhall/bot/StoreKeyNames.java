package org.townhall.bot;

import java.util.regex.Pattern;

/**
 * The Redis key names the store documents (RedisConversationStore, RedisStaffStore,
 * RedisChannelQueues, RedisSessionRepository, RedisInboxStore, RedisInsightStore), with the default prefix {@code th:}: any other key
 * means client input reached a key name.
 */
final class StoreKeyNames {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String QUEUE = "q:telegram-(in|out):";
  private static final Pattern DOCUMENTED = Pattern.compile("th:("
      + "conv:" + UUID + "(:log|:audit|:notes|:words)?"
      + "|handoff|idle|callbacks|search|audit|bot:pause|presence|staff|handling-times|safeguarding|satisfaction|second-factor-required"
      + "|code-steps"
      + "|content:(live|next|history|version:[0-9]+:(info|zip)|draft:(info|zip)|pending:(info|zip))"
      + "|seen:" + UUID
      + "|ref:[0-9a-f]{8}"
      + "|resident:(webchat|telegram):[0-9a-f]{64}"
      + "|delivery:msg:" + UUID + ":[A-Za-z0-9._:-]{1,100}"
      // A local user name, or one from the council's identity provider (an e-mail address, say).
      + "|lock:(" + UUID + "|staff:[a-z0-9][a-z0-9._@'+-]{1,99})"
      + "|typing:" + UUID
      + "|learning:(items|decisions|item:" + UUID + ":[0-9]{1,18})"
      + "|insight:(day:[0-9]{4}-[0-9]{2}-[0-9]{2}|salt|mark:[0-9a-f]{64})"
      + "|session:[A-Za-z0-9-]{1,100}"
      + "|limit:(starts|webchat-messages|telegram-messages|telegram-notices|sign-in-user|sign-in-address):[0-9a-f]{64}"
      + "|" + QUEUE + "(due|attempts|lane:-?[0-9]{1,20}|seen:(u:[0-9]{1,20}|cb:(h[0-9a-f]{64}|[A-Za-z0-9_-]{1,64})|m:" + UUID
      + ":[0-9]+:[0-9]+|group:-?[0-9]{1,20}))"
      + "|q:email-out:(due|attempts|lane:" + UUID + "|seen:m:" + UUID + ":[0-9]+)"
      + ")");

  private StoreKeyNames() {}

  static boolean documented(String key) {
    return DOCUMENTED.matcher(key).matches();
  }
}
