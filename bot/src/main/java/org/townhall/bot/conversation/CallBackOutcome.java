package org.townhall.bot.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How staff settled a call-back a resident asked for; the console shows these in staff's words. */
public enum CallBackOutcome {
  CALLED_BACK,
  EMAILED,
  NO_ANSWER,
  CLOSED;

  /** The code the console API uses, e.g. {@code called_back}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CallBackOutcome> of(String code) {
    return Arrays.stream(values()).filter(o -> o.code().equals(code)).findFirst();
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(CallBackOutcome::code).toList();
  }
}
