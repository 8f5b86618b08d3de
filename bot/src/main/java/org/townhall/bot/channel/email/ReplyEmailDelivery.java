package org.townhall.bot.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.townhall.bot.channel.LaneWorkers;
import org.townhall.bot.channel.LaneWorkers.Outcome;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.store.ChannelQueues.Claimed;

/**
 * Sends one queued staff reply by email: the reference and that reply's text, never the rest of the
 * transcript. A failure is tried again after a doubling wait, up to {@code max-attempts}; then it is
 * given up. Either way the conversation counts it (the call-back list shows it) and staff get a note,
 * so a reply never goes missing without a word. Nothing about the resident reaches the log.
 */
class ReplyEmailDelivery implements LaneWorkers.Handler {

  private static final Logger log = LoggerFactory.getLogger(ReplyEmailDelivery.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
  private static final String NOTE_AUTHOR = "Email";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Europe/London"));

  private final JavaMailSender mail;
  private final ReplyEmailOutbox outbox;
  private final Conversations conversations;
  private final CallBacks callBacks;
  private final ReplyEmailProperties settings;
  private final Clock clock;

  ReplyEmailDelivery(JavaMailSender mail, ReplyEmailOutbox outbox, Conversations conversations, CallBacks callBacks,
      ReplyEmailProperties settings, Clock clock) {
    this.mail = mail;
    this.outbox = outbox;
    this.conversations = conversations;
    this.callBacks = callBacks;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Outcome handle(Claimed claimed) {
    ReplyEmail queued = outbox.read(claimed.item());
    Optional<ConversationRecord> conversation = conversations.find(queued.conversationId());
    Optional<TranscriptEntry> reply = conversation.flatMap(c -> line(c, queued.seq()));
    if (conversation.isEmpty() || reply.isEmpty() || conversation.get().callBack() == null
        || !conversation.get().callBack().hasEmail()) {
      // Deleted under retention meanwhile, or the address was taken back: nothing left to send.
      return new Outcome.Done(clock.instant());
    }
    CallBackRequest left = conversation.get().callBack();
    try {
      mail.send(message(left, reply.get()));
      callBacks.emailed(queued.conversationId(), true);
      conversations.noteForStaff(queued.conversationId(), NOTE_AUTHOR, "The reply sent at "
          + AT.format(reply.get().at()) + " was emailed to the resident (" + maskedEmail(left) + "), as they had "
          + "left the chat.");
      return new Outcome.Done(clock.instant());
    } catch (MailException e) {
      return failed(claimed, queued, reply.get(), e);
    }
  }

  private Outcome failed(Claimed claimed, ReplyEmail queued, TranscriptEntry reply, MailException e) {
    int attempt = claimed.attempts() + 1;
    // The exception's own message can name the address: only its kind is logged.
    if (attempt >= settings.maxAttempts()) {
      log.warn("Giving up emailing a staff reply after {} attempts ({})", attempt, e.getClass().getSimpleName());
      callBacks.emailed(queued.conversationId(), false);
      conversations.noteForStaff(queued.conversationId(), NOTE_AUTHOR, "The reply sent at " + AT.format(reply.at())
          + " could not be emailed to the resident after " + attempt + " attempts. They have not received it: call "
          + "them if they left a number, or see the call-back list.");
      return new Outcome.Done(clock.instant());
    }
    Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    if (wait.compareTo(LONGEST_BACKOFF) > 0) {
      wait = LONGEST_BACKOFF;
    }
    log.info("A staff reply could not be emailed ({}); attempt {} of {}, next in {}", e.getClass().getSimpleName(),
        attempt, settings.maxAttempts(), wait);
    return new Outcome.Retry(clock.instant().plus(wait));
  }

  private Optional<TranscriptEntry> line(ConversationRecord conversation, long seq) {
    return conversations.transcript(conversation.id(), seq - 1).stream()
        .filter(e -> e.seq() == seq && e.from() == Sender.AGENT)
        .findFirst();
  }

  private SimpleMailMessage message(CallBackRequest left, TranscriptEntry reply) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(left.email());
    message.setSubject(settings.subject().replace("{reference}", left.reference()));
    String who = reply.author() == null ? "A member of our staff" : reply.author();
    message.setText("Hello,\n\n"
        + who + " replied to your conversation with us after you had left the chat:\n\n"
        + reply.text() + "\n\n"
        + "Your reference is " + left.reference() + ". To carry on, open the chat again on the same device, or "
        + "contact us and give your reference.\n\n"
        + "You are getting this email because you left this address for a reply. " + callBacks.consent() + "\n");
    return message;
  }

  private static String maskedEmail(CallBackRequest left) {
    return org.townhall.bot.conversation.ContactDetails.maskEmail(left.email());
  }
}
