package org.townhall.bot.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.BotPause;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.SafeguardingConcern;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.store.StaffNote;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.bot.conversation.TranscriptEntry;

/** The JSON shapes of the console API. */
final class ConsoleViews {

  /** The longest reply or note, in characters. */
  static final int MAX_TEXT = 4000;

  private ConsoleViews() {}

  record QueueItem(
      String conversationId,
      String channel,
      ConversationState state,
      String owner,
      boolean urgent,
      String team,
      String topic,
      String topicTitle,
      String reason,
      Instant waitingSince,
      long waitingSeconds,
      String preview,
      boolean alert,
      SafeguardingConcern safeguarding) {

    static QueueItem of(ConversationRecord c, String topicTitle, String preview, SafeguardingConcern safeguarding,
        Instant now, ConsoleProperties properties) {
      HandoffTicket t = c.handoff();
      long waited = Math.max(0, Duration.between(t.waitingSince(), now).toSeconds());
      // Nothing waits unseen: an unclaimed conversation past the alert time is flagged.
      boolean alert = c.owner() == null && waited >= properties.alertAfter().toSeconds();
      return new QueueItem(c.id(), c.channel(), c.state(), c.owner(), t.urgent(), t.team(), t.topic(), topicTitle,
          t.reason(), t.waitingSince(), waited, preview, alert, safeguarding);
    }
  }

  record ConversationDetail(
      String conversationId,
      String channel,
      ConversationState state,
      String owner,
      long version,
      Instant createdAt,
      HandoffTicket handoff,
      ConversationContext.View bot,
      List<Line> transcript,
      List<StaffNote> notes,
      List<AuditEntry> history,
      List<Earlier> earlier,
      SafeguardingConcern safeguarding,
      Integer satisfaction) {

    static ConversationDetail of(ConversationRecord c, List<Line> transcript, ConversationContext.View bot,
        List<StaffNote> notes, List<AuditEntry> history, List<Earlier> earlier, SafeguardingConcern safeguarding) {
      // The resident's 1–5 answer after staff closed it (absent until they answer).
      return new ConversationDetail(c.id(), c.channel(), c.state(), c.owner(), c.version(), c.createdAt(), c.handoff(),
          bot, transcript, notes, history, earlier, safeguarding, Conversations.satisfactionOf(c));
    }
  }

  /**
   * A transcript line as staff see it: the classifier's guesses on a resident's line carry the
   * topic's title, so staff read "Pay council tax 91%", never an intent id.
   */
  record Line(long seq, Sender from, String text, List<String> options, Instant at, String author,
      List<Guess> guesses) {

    static Line of(TranscriptEntry e, java.util.function.Function<String, String> titles) {
      return new Line(e.seq(), e.from(), e.text(), e.options(), e.at(), e.author(),
          e.guesses().stream().map(g -> new Guess(g.intent(), titles.apply(g.intent()), g.confidence())).toList());
    }
  }

  record Guess(String intent, String title, double confidence) {}

  /** One of the resident's other conversations, newest first. */
  record Earlier(String conversationId, ConversationState state, Instant createdAt, Instant updatedAt, String topic,
      String wrapUp) {

    static Earlier of(ConversationRecord c) {
      Conversations.Summary summary = Conversations.summaryOf(c);
      return new Earlier(c.id(), c.state(), c.createdAt(), c.updatedAt(), summary.topic(), summary.wrapUp());
    }
  }

  /** A reply to the resident, or an internal note. */
  record StaffReply(@NotBlank(message = "must not be empty")
      @Size(max = MAX_TEXT, message = "must be at most 4,000 characters") String text) {}

  /** Which of the content pack's teams: checked against them by the controller. */
  record Transfer(@NotBlank(message = "must name a team") String team) {}

  /** Which wrap-up code: checked against {@link WrapUp} by the controller. */
  /**
   * How staff closed it, and optionally what it was about: an intent id from the live content (the
   * editors' inbox shows it with the message that went to a person).
   */
  record Close(@NotBlank(message = "must name a wrap-up code") String wrapUp, @Size(max = 64) String topic) {}

  /** A topic staff can record when closing: the live content's intents, by title. */
  record Topic(String id, String title) {}

  /** Which safeguarding category: checked against the pack's by the controller. */
  record Mark(@NotBlank(message = "must name a safeguarding category") String category) {}

  /** A safeguarding category staff can mark a conversation with. */
  record Category(String id, String title) {}

  record PresenceChange(@NotBlank(message = "must be available or away") String presence) {}

  /**
   * The signed-in member of staff, and what the console needs to know once.
   *
   * @param teams the teams they work (empty: all)
   * @param presence available or away
   * @param conversations how many conversations they have now
   * @param allTeams the teams a conversation can be transferred to
   * @param wrapUpCodes the codes a conversation can be closed with
   * @param botPause the kill switch, when the bot is paused
   * @param safeguardingCategories what a conversation can be marked as a safeguarding concern for
   * @param keptAcrossRestarts false with the in-memory store, which forgets everything on restart
   */
  record Me(String username, List<String> roles, List<String> teams, String presence, long conversations,
      List<String> allTeams, List<String> wrapUpCodes, BotPause botPause, List<Category> safeguardingCategories,
      boolean keptAcrossRestarts, List<Topic> topics) {}
}
