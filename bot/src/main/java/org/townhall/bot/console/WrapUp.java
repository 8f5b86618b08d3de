package org.townhall.bot.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a member of staff closed a conversation, for reporting. */
enum WrapUp {
  RESOLVED,
  SIGNPOSTED,
  CALL_BACK,
  DUPLICATE,
  NO_RESPONSE,
  OTHER;

  String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static Optional<WrapUp> of(String code) {
    return Arrays.stream(values()).filter(w -> w.code().equals(code)).findFirst();
  }

  static List<String> codes() {
    return Arrays.stream(values()).map(WrapUp::code).toList();
  }
}
