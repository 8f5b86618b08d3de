package org.townhall.bot.handoff;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Whether staff are at work now, and when they next are. */
@Component
public class OfficeHours {

  private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("EEEE 'at' h:mma", Locale.UK);

  private final HandoffProperties hours;

  OfficeHours(HandoffProperties hours) {
    this.hours = hours;
  }

  /** The council's time zone, for "today" in residents' answers. */
  public java.time.ZoneId zone() {
    return hours.zone();
  }

  public boolean isOpen(Instant when) {
    ZonedDateTime local = when.atZone(hours.zone());
    if (!hours.openDays().contains(local.getDayOfWeek())) {
      return false;
    }
    if (hours.opens().equals(hours.closes())) {
      return true;
    }
    var time = local.toLocalTime();
    return !time.isBefore(hours.opens()) && time.isBefore(hours.closes());
  }

  /** The next moment the contact centre opens after {@code when}, e.g. for "we open on Monday at 8:30am". */
  public ZonedDateTime nextOpening(Instant when) {
    ZonedDateTime day = when.atZone(hours.zone()).with(hours.opens());
    for (int i = 0; i < 8; i++) {
      ZonedDateTime candidate = day.plusDays(i);
      if (candidate.toInstant().isAfter(when) && hours.openDays().contains(candidate.getDayOfWeek())) {
        return candidate;
      }
    }
    throw new IllegalStateException("no open day configured in townhall.handoff.open-days");
  }

  /** The next opening in words, e.g. "Monday at 8:30am". */
  public String nextOpeningSpoken(Instant when) {
    return SPOKEN.format(nextOpening(when)).replace("AM", "am").replace("PM", "pm");
  }
}
