package org.townhall.bot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.OutboundMessage;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.bot.conversation.TranscriptEntry;

/**
 * Counts what every committed change added, on the instance that committed it: resident messages in
 * ({@code townhall.messages.in}), lines for the resident out ({@code townhall.messages.out}, by sender)
 * and handoffs to staff ({@code townhall.handoffs}, by reason). A redelivered message commits nothing
 * and so is not counted twice.
 */
@Component
class ConversationMeters {

  /** The reasons the bot hands a conversation to staff; anything else is counted as {@code other}. */
  static final Set<String> REASONS = Set.of("asked_for_person", "not_understood", "urgent", "safeguarding",
      "bot_paused");
  private static final String OUT_OF_HOURS = ",out_of_hours";

  private final MeterRegistry meters;

  ConversationMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  @EventListener
  void on(ConversationUpdated update) {
    String channel = Channels.tag(update.conversation().channel());
    long in = update.appended().stream().filter(TranscriptEntry::fromResident).count();
    if (in > 0) {
      Counter.builder("townhall.messages.in")
          .description("Messages from residents, recorded in a conversation")
          .tag("channel", channel)
          .register(meters)
          .increment(in);
    }
    for (OutboundMessage line : update.outbound()) {
      Counter.builder("townhall.messages.out")
          .description("Lines for residents (the bot's, staff's and the service's), committed to be delivered")
          .tag("channel", channel)
          .tag("sender", line.sender().wireName())
          .register(meters)
          .increment();
    }
    if (startedWaiting(update)) {
      String reason = update.conversation().handoff().reason();
      boolean outOfHours = reason != null && reason.endsWith(OUT_OF_HOURS);
      String base = reason == null ? "" : outOfHours ? reason.substring(0, reason.length() - OUT_OF_HOURS.length())
          : reason;
      Counter.builder("townhall.handoffs")
          .description("Conversations the bot handed to staff")
          .tag("reason", REASONS.contains(base) ? base : "other")
          .tag("out_of_hours", Boolean.toString(outOfHours))
          .register(meters)
          .increment();
    }
  }

  /**
   * Whether this change put the conversation in the queue: its ticket starts at the very message that
   * caused it (a resident's line at the same instant). A transfer between teams, a concern raised
   * while waiting or another message while waiting keeps the ticket's older start, so is not a new
   * handoff.
   */
  private static boolean startedWaiting(ConversationUpdated update) {
    HandoffTicket ticket = update.conversation().handoff();
    return ticket != null && update.conversation().owner() == null && update.appended().stream()
        .anyMatch(line -> line.fromResident() && ticket.waitingSince().equals(line.at()));
  }
}
