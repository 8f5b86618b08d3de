package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.townhall.bot.conversation.ConversationCommits.Change;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.safeguarding.SafeguardingCheck;
import org.townhall.bot.store.RetentionProperties;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.store.StaffStore;

/**
 * Residents' side of a conversation, from every channel: starting one, and each message they send.
 * A message is checked for safeguarding before anything else decides, then goes through the
 * conversation's machine; one message is processed at a time per conversation, on any instance, and
 * a redelivered one only once.
 */
@Service
public class ResidentMessages {

  private static final int GUESSES_KEPT = 3;

  private final ConversationStore store;
  private final ConversationCommits commits;
  private final StaffStore staffStore;
  private final ConversationMachine machine;
  private final DialoguePolicy policy;
  private final Phrases phrases;
  private final Clock clock;
  private final Duration deliveryMemory;
  private final SafeguardingCheck safeguarding;
  private final SafeguardingConcerns concerns;
  private final NotServedSignals notServed;
  private final BotNoticeProperties notice;
  private final SatisfactionSurvey survey;
  private final Erasure erasure;

  ResidentMessages(ConversationStore store, ConversationCommits commits, ConversationMachine machine,
      DialoguePolicy policy, Phrases phrases, Clock clock, RetentionProperties retention,
      StaffStore staffStore, SafeguardingCheck safeguarding,
      SafeguardingConcerns concerns, NotServedSignals notServed, BotNoticeProperties notice,
      SatisfactionSurvey survey, Erasure erasure) {
    this.notice = notice;
    this.survey = survey;
    this.notServed = notServed;
    this.erasure = erasure;
    this.store = store;
    this.commits = commits;
    this.staffStore = staffStore;
    this.machine = machine;
    this.policy = policy;
    this.phrases = phrases;
    this.clock = clock;
    this.deliveryMemory = retention.deliveryMarks();
    this.safeguarding = safeguarding;
    this.concerns = concerns;
  }

  /** Starts a conversation with the bot's welcome. */
  public ConversationRecord start(String channel, String channelUserId, String tokenHash) {
    String id = UUID.randomUUID().toString();
    var record = ConversationRecord.start(id, channel, channelUserId == null ? id : channelUserId, tokenHash,
        ConversationState.BOT, clock.instant());
    return commits.create(record, List.of(welcome())).record();
  }

  /**
   * The line a new conversation starts with: the bot's welcome, that it is a program and where the
   * privacy notice is ({@link BotNoticeProperties}), and its quick replies. Not stored; a chat page
   * shows it before the resident has written, so it never differs from the one stored.
   */
  public TranscriptEntry welcome() {
    return TranscriptEntry.draft(Sender.BOT, welcomeText(phrases, notice), welcomeOptions(phrases), clock.instant());
  }

  /**
   * The welcome's words. One line with the notice, not two: every channel shows it as the
   * conversation's first line (seq 1), and Telegram's /start is answered by it alone.
   */
  static String welcomeText(Phrases phrases, BotNoticeProperties notice) {
    return phrases.get("welcome") + "\n\n" + notice.spoken();
  }

  /**
   * The resident's current conversation on a messaging channel (their newest), or a new one started
   * with the welcome. Under a lock per resident, so two first messages arriving together start one
   * conversation.
   */
  public ResidentConversation forResident(String channel, String channelUserId) {
    return store.withConversationLock(residentLockKey(channel, channelUserId), () ->
        store.conversationsOf(channel, channelUserId, 1).stream()
            .map(store::find)
            .flatMap(Optional::stream)
            .findFirst()
            .map(c -> new ResidentConversation(c, false))
            .orElseGet(() -> new ResidentConversation(start(channel, channelUserId, null), true)));
  }

  /**
   * A resident's conversation on a channel.
   *
   * @param conversation as stored
   * @param started whether it was started just now (its welcome is the only line)
   */
  public record ResidentConversation(ConversationRecord conversation, boolean started) {}

  /**
   * Handles a resident's message: records it and, if the bot has the conversation, answers.
   *
   * @return the transcript lines this message added (the resident's own first); empty for a
   *     redelivered message
   * @throws ConversationNotFoundException if the conversation does not exist
   */
  public List<TranscriptEntry> receive(InboundMessage message) {
    String id = message.conversationId();
    String deliveryKey = "msg:" + id + ":" + message.channelMessageId();
    return store.withConversationLock(id, () -> {
      if (store.wasDelivered(deliveryKey)) {
        return List.of();
      }
      Optional<ConversationRecord> confirming = store.find(id).filter(c -> confirmsErasure(c, message));
      if (confirming.isPresent()) {
        // Nothing is committed (or marked delivered): the conversation is gone once this returns.
        return erase(confirming.get(), message);
      }
      return commits.<List<TranscriptEntry>>change(id, current -> prepare(current, message, done -> {
        store.markDelivered(deliveryKey, deliveryMemory);
        concerns.afterResidentMessage(current, done.record());
        return done.appended();
      }), () -> {
        throw new ConversationNotFoundException(id);
      }, () -> {
        throw new IllegalStateException("conversation " + id + " kept changing; gave up");
      });
    });
  }

  /**
   * Whether the message is a clear yes to the bot's question "Delete everything?", asked in the
   * resident's previous message's answer.
   */
  private static boolean confirmsErasure(ConversationRecord current, InboundMessage message) {
    return message.kind().isText() && current.attributes().containsKey(Attributes.ERASURE_ASKED)
        && Commands.confirmsErasure(message.text());
  }

  /**
   * Erases the resident's data (this conversation and their others on the channel) and answers what
   * was deleted and what is kept: the resident's line and that answer, neither stored. The web chat
   * returns them as the reply; other channels send the answer from {@link ConversationErased}.
   */
  private List<TranscriptEntry> erase(ConversationRecord current, InboundMessage message) {
    List<String> references = erasure.conversationsOf(current.channel(), current.channelUserId()).stream()
        .sorted(java.util.Comparator.comparing(ConversationRecord::createdAt))
        .map(c -> ConversationReferences.of(c.id())).toList();
    String farewell = phrases.get(references.size() > 1 ? "erase.done.several" : "erase.done",
        String.join(", ", references.isEmpty() ? List.of(ConversationReferences.of(current.id())) : references));
    erasure.eraseAtResidentsRequest(current, farewell);
    Instant now = clock.instant();
    return List.of(residentLine(describe(message), now), TranscriptEntry.draft(Sender.BOT, farewell, List.of(), now));
  }

  private Change<List<TranscriptEntry>> prepare(ConversationRecord asRead, InboundMessage message,
      Function<CommitResult, List<TranscriptEntry>> done) {
    // "Delete everything?" is answered by this message whatever it says (a yes never gets here): the
    // question is dropped, so a later "yes" to something else deletes nothing.
    boolean erasureAsked = asRead.attributes().containsKey(Attributes.ERASURE_ASKED);
    ConversationRecord current = erasureAsked ? withoutErasureQuestion(asRead) : asRead;
    // Safeguarding before anything else decides, in every state and for every kind of message with text
    // the resident wrote (a tap on one of the bot's own buttons is not their words).
    Optional<Disclosure> disclosure = message.text() == null || message.quickReply() ? Optional.empty()
        : safeguarding.check(message.text());
    if (disclosure.isPresent()) {
      return disclosed(current, message, disclosure.get(), done);
    }
    ConversationState state = current.state();
    Instant now = clock.instant();
    if (message.kind().isText() && Commands.forgets(message.text())) {
      return askToErase(current, message, now, done);
    }
    if (erasureAsked && message.kind().isText()
        && (Boolean.FALSE.equals(Commands.feedback(message.text())) || Commands.cancels(message.text()))) {
      return new Change<>(current, List.of(residentLine(describe(message), now),
          TranscriptEntry.draft(Sender.BOT, phrases.get("erase.kept"), List.of(), now)), done);
    }
    if (state.withStaff() && message.kind() != InboundMessage.Kind.TEXT) {
      // The silence rule holds for every kind of message: staff see it, the bot says nothing.
      Turn turn = new Turn(current, now, null, null, null, null);
      ConversationState next = fire(state, ConversationEvent.RESIDENT_WROTE, turn);
      return new Change<>(turn.after(next), List.of(residentLine(describe(message), now)), done);
    }
    if (message.kind().isText()) {
      return dialogue(current, message.text(), done);
    }
    // Help, or something the bot cannot read: say what it understands; the conversation stays where it is.
    List<TranscriptEntry> entries = List.of(
        residentLine(describe(message), now),
        message.kind() == InboundMessage.Kind.HELP
            ? TranscriptEntry.draft(Sender.BOT, phrases.get("help"), welcomeOptions(phrases), now)
            : TranscriptEntry.draft(Sender.BOT,
                phrases.get("unreadable." + message.kind().name().toLowerCase(Locale.ROOT)),
                List.of(phrases.get("option.person")), now));
    return new Change<>(current, entries, done);
  }

  /**
   * The resident asked for their data to be deleted: the bot asks once more, plainly, in every state
   * (with staff too: it is the resident's right, and staff see the question). Outside the state
   * machine because no state refuses it and it changes no state: a yes deletes the conversation.
   */
  private Change<List<TranscriptEntry>> askToErase(ConversationRecord current, InboundMessage message, Instant now,
      Function<CommitResult, List<TranscriptEntry>> done) {
    var attributes = new java.util.HashMap<>(current.attributes());
    attributes.put(Attributes.ERASURE_ASKED, "1");
    boolean several = erasure.conversationsOf(current.channel(), current.channelUserId()).size() > 1;
    return new Change<>(current.withAttributes(attributes), List.of(residentLine(describe(message), now),
        TranscriptEntry.draft(Sender.BOT, phrases.get(several ? "erase.ask.several" : "erase.ask"),
            List.of(phrases.get("option.yes"), phrases.get("option.no")), now)), done);
  }

  private static ConversationRecord withoutErasureQuestion(ConversationRecord current) {
    var attributes = new java.util.HashMap<>(current.attributes());
    attributes.remove(Attributes.ERASURE_ASKED);
    return current.withAttributes(attributes);
  }

  /** A message that discloses danger: the machine's DISCLOSED step, whatever state the conversation is in. */
  private Change<List<TranscriptEntry>> disclosed(ConversationRecord current, InboundMessage message,
      Disclosure disclosure, Function<CommitResult, List<TranscriptEntry>> done) {
    Turn turn = new Turn(current, clock.instant(), null, null, null, message.text())
        .withDisclosure(disclosure, staffStore.botPause().isPresent());
    ConversationState state = current.state();
    if (state == ConversationState.CLOSED) {
      state = fire(state, ConversationEvent.REOPENED, turn);
    }
    state = fire(state, ConversationEvent.DISCLOSED, turn);
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(residentLine(describe(message), turn.now()));
    entries.addAll(turn.replies());
    return new Change<>(turn.after(state), entries, done);
  }

  private Change<List<TranscriptEntry>> dialogue(ConversationRecord current, String text,
      Function<CommitResult, List<TranscriptEntry>> done) {
    if (survey.awaits(current, text, clock.instant())) {
      Optional<SatisfactionSurvey.Step> step = survey.answer(current, text, clock.instant());
      if (step.isPresent()) {
        return surveyAnswer(current, text, step.get(), done);
      }
      // Dropped after a second answer that was not 1 to 5: the message is a new one for the bot.
    }
    DialoguePolicy.Reading reading = policy.read(current, text);
    Turn turn = new Turn(current, clock.instant(), reading.understanding(), reading.intent(), null, text)
        .withLookup(reading.lookup());
    if (asksSomething(reading)) {
      turn.attributes().put(Attributes.QUESTION_SEQ, Long.toString(turn.residentSeq()));
    }
    ConversationState state = current.state();
    for (ConversationEvent event : reading.events()) {
      state = fire(state, event, turn);
    }
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(guessed(residentLine(text, turn.now()), turn));
    // Life safety first, whenever the bot itself replies (never over staff: then it is silent).
    boolean botReplies = turn.replies().stream().anyMatch(line -> line.from() == Sender.BOT);
    if (botReplies) {
      policy.emergencyPointer(text)
          .ifPresent(pointer -> entries.add(TranscriptEntry.draft(Sender.BOT, pointer, List.of(), turn.now())));
    }
    entries.addAll(turn.replies());
    return new Change<>(turn.after(state), entries, committed -> {
      List<TranscriptEntry> answer = done.apply(committed);
      notServed.publish(turn, committed);
      return answer;
    });
  }

  /** An answer to the satisfaction question: the conversation stays closed; the figures get it once committed. */
  private Change<List<TranscriptEntry>> surveyAnswer(ConversationRecord current, String text,
      SatisfactionSurvey.Step step, Function<CommitResult, List<TranscriptEntry>> done) {
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(residentLine(text, clock.instant()));
    entries.addAll(step.replies());
    return new Change<>(current.withAttributes(step.attributes()), entries, committed -> {
      List<TranscriptEntry> answer = done.apply(committed);
      if (step.recorded() != null) {
        staffStore.recordSatisfaction(step.recorded());
      }
      return answer;
    });
  }

  /**
   * Whether the message asks the bot something, rather than giving a command or answering its
   * question: what a later "No", a picked choice or staff's recorded topic is about.
   */
  private static boolean asksSomething(DialoguePolicy.Reading reading) {
    ConversationEvent last = reading.events().get(reading.events().size() - 1);
    return switch (last) {
      case UNDERSTOOD, UNSURE, NOT_UNDERSTOOD -> true;
      case ASKED_FOR_PERSON, URGENT -> reading.intent() != null
          && !reading.intent().equals(DialogueActions.HUMAN_AGENT_INTENT);
      default -> false;
    };
  }

  private ConversationState fire(ConversationState state, ConversationEvent event, Turn turn) {
    return machine.fire(state, event, turn)
        .orElseThrow(() -> new IllegalStateException("the machine refuses " + event + " in " + state));
  }

  /** How a resident's message reads in the transcript, for staff. */
  private String describe(InboundMessage message) {
    String text = message.text() == null ? "" : message.text();
    return switch (message.kind()) {
      case TEXT -> text;
      case EDIT -> phrases.get("received.edit", text);
      default -> (phrases.get("received." + message.kind().name().toLowerCase(Locale.ROOT)) + " " + text).strip();
    };
  }

  private static TranscriptEntry residentLine(String text, Instant now) {
    return TranscriptEntry.draft(Sender.RESIDENT, text, List.of(), now);
  }

  /** The resident's line with what the classifier thought of it, for staff. */
  private static TranscriptEntry guessed(TranscriptEntry line, Turn turn) {
    if (turn.understanding() == null) {
      return line;
    }
    return line.withGuesses(turn.understanding().classification().ranked().stream().limit(GUESSES_KEPT)
        .map(s -> new Guess(s.intent(), s.confidence()))
        .toList());
  }

  /** A lock name that does not spell out who the resident is. */
  private static String residentLockKey(String channel, String channelUserId) {
    return "resident:" + channel + ":" + Sha256.hex(channelUserId);
  }

  static List<String> welcomeOptions(Phrases phrases) {
    return List.of(phrases.get("welcome.option1"), phrases.get("welcome.option2"), phrases.get("welcome.option3"),
        phrases.get("option.person"));
  }
}
