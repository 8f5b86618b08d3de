package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.safeguarding.SafeguardingCheck;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.bot.store.SafeguardingEvent;
import org.townhall.bot.store.StaffStore;
import org.townhall.nlp.content.IntentDefinition;

/**
 * Safeguarding concerns on conversations: the typed view staff see, marking and clearing one by
 * hand, and the facts kept for the council's safeguarding lead (no message text). The resident's
 * own disclosures are raised by the conversation machine (DISCLOSED); this class records them.
 */
@Service
public class SafeguardingConcerns {

  private final ConversationStore store;
  private final StaffStore staff;
  private final SafeguardingCheck check;
  private final AnswerCatalog catalog;
  private final Clock clock;
  private final ConversationCommits commits;
  private final NotServedSignals signals;

  SafeguardingConcerns(ConversationStore store, StaffStore staff, SafeguardingCheck check, AnswerCatalog catalog,
      Clock clock, ConversationCommits commits, NotServedSignals signals) {
    this.signals = signals;
    this.store = store;
    this.staff = staff;
    this.check = check;
    this.catalog = catalog;
    this.clock = clock;
    this.commits = commits;
  }

  /** The concern raised on a conversation, if any. */
  public Optional<SafeguardingConcern> of(ConversationRecord conversation) {
    Map<String, String> a = conversation.attributes();
    String category = a.get(Attributes.SAFEGUARDING_CATEGORY);
    if (category == null) {
      return Optional.empty();
    }
    String seq = a.get(Attributes.SAFEGUARDING_SEQ);
    String awaiting = a.get(Attributes.SAFEGUARDING_AWAITING_REPLY);
    return Optional.of(new SafeguardingConcern(category, check.category(category).map(Disclosure::title).orElse(category),
        seq == null ? null : Long.valueOf(seq), Instant.parse(a.get(Attributes.SAFEGUARDING_RAISED_AT)),
        Integer.parseInt(a.getOrDefault(Attributes.SAFEGUARDING_RAISES, "1")), a.get(Attributes.SAFEGUARDING_MARKED_BY),
        awaiting == null ? null : Instant.parse(awaiting)));
  }

  /** The categories staff can mark a conversation with. */
  public List<Disclosure> categories() {
    return check.categories();
  }

  /**
   * A member of staff marks a concern: the conversation's ticket, if it is in the queue, becomes
   * urgent and first; the category's team takes it while nobody has it yet. Allowed on any
   * conversation, by any member of staff. A concern the check had not raised sends the resident's
   * last messages to the editors' inbox, to teach the check what it missed.
   */
  public StaffOutcome mark(String id, String agent, String category) {
    Disclosure disclosure = check.category(category)
        .orElseThrow(() -> new IllegalArgumentException("unknown safeguarding category " + category));
    return change(id, c -> {
      Map<String, String> a = new HashMap<>(c.attributes());
      Instant now = clock.instant();
      SafeguardingActions.recordConcern(a, category, null, agent, now);
      HandoffTicket ticket = c.handoff();
      if (ticket != null) {
        boolean unclaimed = c.owner() == null;
        ticket = SafeguardingActions.raisedTicket(ticket, disclosure, unclaimed);
        if (unclaimed) {
          SafeguardingActions.awaitReply(a, now);
        }
      }
      return c.withAttributes(a).withHandoff(ticket);
    }, (before, after) -> {
      event(after, category, "marked", null);
      if (!before.attributes().containsKey(Attributes.SAFEGUARDING_CATEGORY)) {
        signals.missedConcern(after, category, clock.instant());
      }
    });
  }

  /** A member of staff clears the concern (e.g. raised in error); its ticket is urgent again only if its topic is. */
  public StaffOutcome clear(String id, String agent) {
    return change(id, c -> {
      Map<String, String> a = new HashMap<>(c.attributes());
      List.of(Attributes.SAFEGUARDING_CATEGORY, Attributes.SAFEGUARDING_SEQ, Attributes.SAFEGUARDING_RAISED_AT,
          Attributes.SAFEGUARDING_MARKED_BY, Attributes.SAFEGUARDING_AWAITING_REPLY).forEach(a::remove);
      HandoffTicket ticket = c.handoff() == null ? null : c.handoff().cleared(urgentTopic(c.handoff().topic()));
      return c.withAttributes(a).withHandoff(ticket);
    }, (before, after) -> event(after, before.attributes().get(Attributes.SAFEGUARDING_CATEGORY), "cleared", null));
  }

  /** Records what a resident's message did to a concern (called after it committed). */
  void afterResidentMessage(ConversationRecord before, ConversationRecord after) {
    if (raises(after) <= raises(before)) {
      return;
    }
    String category = after.attributes().get(Attributes.SAFEGUARDING_CATEGORY);
    ConversationState was = before.state();
    String kind = was.withStaff() ? "raised_again" : after.handoff() != null ? "handoff" : "signposted";
    event(after, category, kind, null);
  }

  /** Records staff's first reply after a concern was raised (called after a staff reply committed). */
  void afterStaffStep(ConversationRecord before, ConversationRecord after) {
    String since = before.attributes().get(Attributes.SAFEGUARDING_AWAITING_REPLY);
    if (since == null || after.attributes().containsKey(Attributes.SAFEGUARDING_AWAITING_REPLY)) {
      return;
    }
    long seconds = Math.max(0, Duration.between(Instant.parse(since), clock.instant()).toSeconds());
    event(after, before.attributes().get(Attributes.SAFEGUARDING_CATEGORY), "first_response", seconds);
  }

  private boolean urgentTopic(String topic) {
    return topic != null && catalog.intent(topic).map(IntentDefinition::urgent).orElse(false);
  }

  private static int raises(ConversationRecord c) {
    return Integer.parseInt(c.attributes().getOrDefault(Attributes.SAFEGUARDING_RAISES, "0"));
  }

  private void event(ConversationRecord c, String category, String kind, Long seconds) {
    if (category != null) {
      staff.recordSafeguarding(new SafeguardingEvent(clock.instant(), c.id(), c.channel(), category, kind, seconds));
    }
  }

  /** A change of the record alone (no transcript line, no state change), with the version check. */
  private StaffOutcome change(String id, UnaryOperator<ConversationRecord> change,
      BiConsumer<ConversationRecord, ConversationRecord> after) {
    return commits.change(id, current -> new ConversationCommits.Change<>(change.apply(current), List.of(), done -> {
      after.accept(current, done.record());
      return StaffOutcome.done(done.record());
    }), StaffOutcome::notFound,
        () -> StaffOutcome.conflict(store.find(id).orElse(null), "The conversation kept changing; try again."));
  }
}
