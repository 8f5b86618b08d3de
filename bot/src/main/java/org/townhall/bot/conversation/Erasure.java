package org.townhall.bot.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.StaffStore;

/**
 * The right to erasure (UK GDPR, Article 17): deletes everything kept about one resident on one
 * channel, on every store. A resident asks in their conversation ("delete my data", {@code /forget})
 * and confirms; an ADMIN erases from the console. A resident is everyone writing from one web chat
 * conversation (its id is who they are) or from one Telegram chat (all its conversations).
 *
 * <p>Each conversation, under its lock: first {@link ConversationErased} for what other features keep
 * (channel queues, the editors' inbox), then the staff store's part (notes, audit trail, typing; the
 * audit log keeps its entries under the conversation's reference, with the erasure itself), and the
 * conversation store's last ({@link ConversationStore#erase}): until that, the conversation is there
 * to find, so an erasure that failed half-way (a store down) is simply done again. A member of staff who had it sees it leave the queue; their
 * next action on it finds nothing.
 */
@Service
public class Erasure {

  /** Who erased, in the audit log, when the resident did it themselves. */
  public static final String RESIDENT = "resident";
  /** At most this many conversations of one resident are erased at once (a Telegram chat's, over the retention period). */
  static final int MOST_CONVERSATIONS = 1000;

  private static final Logger log = LoggerFactory.getLogger(Erasure.class);

  private final ConversationStore store;
  private final StaffStore staff;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Erasure(ConversationStore store, StaffStore staff, ApplicationEventPublisher events, Clock clock) {
    this.store = store;
    this.staff = staff;
    this.events = events;
    this.clock = clock;
  }

  /**
   * What was erased.
   *
   * @param channel the resident's channel
   * @param references the erased conversations' references, oldest first
   * @param transcriptLines how many transcript lines they held together
   */
  public record Erased(String channel, List<String> references, long transcriptLines) {}

  /** The resident's conversations on a channel that are kept now, newest first. */
  public List<ConversationRecord> conversationsOf(String channel, String channelUserId) {
    return store.findAll(store.conversationsOf(channel, channelUserId, MOST_CONVERSATIONS));
  }

  /** Erases every conversation of one resident on one channel, at an administrator's request. */
  public Erased eraseResident(String channel, String channelUserId, String administrator) {
    List<ConversationRecord> all = conversationsOf(channel, channelUserId);
    List<ErasedOne> done = new ArrayList<>();
    for (ConversationRecord conversation : all) {
      store.withConversationLock(conversation.id(), () -> {
        store.find(conversation.id()).ifPresent(c -> done.add(eraseOne(c, administrator, "by an administrator")));
        return null;
      });
    }
    return summary(channel, done);
  }

  /**
   * Erases the resident's conversations after they confirmed in {@code current}, whose lock the
   * caller holds: the others first (each under its lock), then this one; then
   * {@link ResidentToldOfErasure} with {@code farewell}, for a channel that sends on its own.
   */
  Erased eraseAtResidentsRequest(ConversationRecord current, String farewell) {
    List<ErasedOne> done = new ArrayList<>();
    for (ConversationRecord other : conversationsOf(current.channel(), current.channelUserId())) {
      if (!other.id().equals(current.id())) {
        store.withConversationLock(other.id(), () -> {
          store.find(other.id()).ifPresent(c -> done.add(eraseOne(c, RESIDENT, "at the resident's request")));
          return null;
        });
      }
    }
    done.add(eraseOne(current, RESIDENT, "at the resident's request"));
    events.publishEvent(new ResidentToldOfErasure(current.channel(), current.channelUserId(), farewell));
    return summary(current.channel(), done);
  }

  private record ErasedOne(ConversationRecord conversation, long lines) {}

  private ErasedOne eraseOne(ConversationRecord conversation, String by, String why) {
    events.publishEvent(new ConversationErased(conversation));
    String reference = ConversationReferences.of(conversation.id());
    staff.eraseConversation(conversation.id(), reference, new AuditEntry(clock.instant(), by, "erase", reference, why));
    long lines = store.erase(conversation);
    // The reference only: the id is gone from every store, and the log should not keep it either.
    log.info("Erased conversation {} ({} lines) {}", reference, Math.max(0, lines), why);
    return new ErasedOne(conversation, Math.max(0, lines));
  }

  private static Erased summary(String channel, List<ErasedOne> done) {
    return new Erased(channel,
        done.stream().map(ErasedOne::conversation).sorted(Comparator.comparing(ConversationRecord::createdAt))
            .map(c -> ConversationReferences.of(c.id())).toList(),
        done.stream().mapToLong(ErasedOne::lines).sum());
  }
}
