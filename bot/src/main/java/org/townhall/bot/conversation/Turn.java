package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.townhall.bot.collection.CollectionLookup;
import org.townhall.bot.nlu.Understanding;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.handoff.HandoffTicket;

/**
 * One step of a conversation while the machine runs: what came in, and the changes the machine's
 * actions make. Nothing here is stored until the step commits.
 */
final class Turn {

  private final ConversationRecord before;
  private final Instant now;
  private final Understanding understanding;
  private String intent;
  private final String agent;
  private final String text;
  private final Map<String, String> attributes;
  private final List<TranscriptEntry> replies = new ArrayList<>();
  private String owner;
  private HandoffTicket ticket;
  private RuntimeException failure;
  private boolean taken;
  private CollectionLookup lookup;
  private String staffDetail;
  private Disclosure disclosure;
  private boolean botPaused;
  private ContactDetails contact;
  private CallBackRequest callBack;
  private String staffTopic;
  private final List<NotServedSignals.Signal> learned = new ArrayList<>();

  Turn(ConversationRecord before, Instant now, Understanding understanding, String intent, String agent, String text) {
    this.before = before;
    this.now = now;
    this.understanding = understanding;
    this.intent = intent;
    this.agent = agent;
    this.text = text;
    this.attributes = new HashMap<>(before.attributes());
    this.owner = before.owner();
    this.ticket = before.handoff();
    this.callBack = before.callBack();
  }

  ConversationRecord before() {
    return before;
  }

  Instant now() {
    return now;
  }

  /** The classification of the resident's message, or null for staff events. */
  Understanding understanding() {
    return understanding;
  }

  /** The intent the bot settled on (the best guess, or a picked choice), or null. */
  String intent() {
    return intent;
  }

  /** Settles on an intent mid-turn, e.g. the one that was waiting for a detail. */
  Turn answering(String newIntent) {
    this.intent = newIntent;
    return this;
  }

  String agent() {
    return agent;
  }

  String text() {
    return text;
  }

  /** What a staff step names besides its text: the team to transfer to, or the wrap-up code. */
  String staffDetail() {
    return staffDetail;
  }

  Turn withStaffDetail(String detail) {
    this.staffDetail = detail;
    return this;
  }

  /** The topic staff recorded when closing (an intent id, checked by the caller), or null. */
  String staffTopic() {
    return staffTopic;
  }

  Turn withStaffTopic(String topic) {
    this.staffTopic = topic;
    return this;
  }

  /**
   * Notes that the resident's message the current exchange is about ({@link Attributes#QUESTION_SEQ})
   * was not served well, or what it meant ({@code intent}); published once the step commits. Nothing
   * when the exchange is about no message of theirs.
   */
  void learn(ResidentNotServed.Why why, String intent) {
    String seq = attributes.get(Attributes.QUESTION_SEQ);
    if (seq != null) {
      learned.add(new NotServedSignals.Signal(why, Long.parseLong(seq), intent));
    }
  }

  List<NotServedSignals.Signal> learned() {
    return learned;
  }

  /** The danger the resident's message discloses, or null. */
  Disclosure disclosure() {
    return disclosure;
  }

  /** Whether the bot's kill switch is on for this turn. */
  boolean botPaused() {
    return botPaused;
  }

  Turn withDisclosure(Disclosure found, boolean paused) {
    this.disclosure = found;
    this.botPaused = paused;
    return this;
  }

  /** The seq the resident's line of this turn gets on commit: it is the first line appended. */
  long residentSeq() {
    return before.lastSeq() + 1;
  }

  /** What the resident left for a reply after they have gone, for the step that records it; else null. */
  ContactDetails contact() {
    return contact;
  }

  Turn withContact(ContactDetails details) {
    this.contact = details;
    return this;
  }

  void keepCallBack(CallBackRequest request) {
    this.callBack = request;
  }

  /** The postcode lookup for a detail the resident gave, or null. */
  CollectionLookup lookup() {
    return lookup;
  }

  Turn withLookup(CollectionLookup newLookup) {
    this.lookup = newLookup;
    return this;
  }

  /** The intent waiting for a detail (while COLLECTING), or the last one answered. */
  String pendingIntent() {
    return attributes.get(Attributes.PENDING_INTENT);
  }

  Map<String, String> attributes() {
    return attributes;
  }

  void say(Sender from, String line, List<String> options) {
    replies.add(TranscriptEntry.draft(from, line, options, now));
  }

  /** A member of staff's line, signed as residents see them ({@code author}, e.g. "Sam, Council tax team"). */
  void sayAsAgent(String line, String author) {
    replies.add(TranscriptEntry.draft(Sender.AGENT, line, List.of(), now).withAuthor(author));
  }

  List<TranscriptEntry> replies() {
    return replies;
  }

  String owner() {
    return owner;
  }

  void assignTo(String newOwner) {
    this.owner = newOwner;
  }

  HandoffTicket ticket() {
    return ticket;
  }

  void queue(HandoffTicket newTicket) {
    this.ticket = newTicket;
  }

  void leaveQueue() {
    this.ticket = null;
    this.owner = null;
  }

  /** A transition was taken for the event being fired (its guard, if any, allowed it). */
  void taken() {
    taken = true;
  }

  /** Whether a transition was taken since the last call; resets for the next event. */
  boolean takeTaken() {
    boolean was = taken;
    taken = false;
    return was;
  }

  /** Spring Statemachine swallows action exceptions; the error action parks them here. */
  void fail(RuntimeException exception) {
    if (failure == null) {
      failure = exception;
    }
  }

  RuntimeException failure() {
    return failure;
  }

  /** The record to commit once the machine has moved to {@code state}. */
  ConversationRecord after(ConversationState state) {
    return before.withState(state).withOwner(owner).withHandoff(ticket).withAttributes(attributes)
        .withCallBack(callBack);
  }

  /** The message that started this turn, or for staff events the reply text. */
  boolean hasText() {
    return text != null;
  }
}
