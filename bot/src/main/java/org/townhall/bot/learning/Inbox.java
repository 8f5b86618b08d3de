package org.townhall.bot.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.ConversationErased;
import org.townhall.bot.conversation.Guess;
import org.townhall.bot.conversation.ResidentNotServed;
import org.townhall.bot.conversation.ResidentNotServed.Why;
import org.townhall.bot.privacy.Redactor;
import org.townhall.nlp.classify.LabeledText;

/**
 * The editors' inbox: keeps, redacted, the resident messages the bot did not serve well, grouped by
 * near-duplicates, and carries out an editor's decision on a group. A message whose group was
 * decided before is not asked about again: it is counted under that decision.
 */
@Service
public class Inbox {

  /** The decisions an editor can take on a group. */
  public static final List<String> DECISIONS = List.of("assigned", "out_of_scope", "dismissed", "safeguarding");
  static final int TEXTS_SHOWN = 50;
  private static final Pattern ITEM_ID = Pattern.compile("[0-9a-f-]{36}:[0-9]{1,18}");
  private static final Map<Why, String> REASONS = Map.of(
      Why.NOT_UNDERSTOOD, "The bot did not understand it",
      Why.CLARIFIED, "The bot was unsure and offered choices",
      Why.PICKED, "The resident picked one of the choices",
      Why.NOT_HELPED, "The resident said the answer did not help",
      Why.HANDED_TO_PERSON, "It went to a person",
      Why.TOPIC_RECORDED, "Staff recorded the topic when closing",
      Why.SAFEGUARDING_MISSED, "Staff marked a safeguarding concern the check had not raised");

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Inbox.class);

  private final InboxStore store;
  private final Redactor redactor;
  private final AnswerCatalog catalog;
  private final DraftLearning draft;
  private final Clock clock;

  Inbox(InboxStore store, Redactor redactor, AnswerCatalog catalog, DraftLearning draft, Clock clock) {
    this.store = store;
    this.redactor = redactor;
    this.catalog = catalog;
    this.draft = draft;
    this.clock = clock;
  }

  static boolean isItemId(String id) {
    return id != null && ITEM_ID.matcher(id).matches();
  }

  /**
   * Keeps the message, redacted (the resident's own words are never stored here). Never fails the
   * conversation step that published it: if the inbox cannot be written, the message is left out.
   */
  @EventListener
  public void on(ResidentNotServed event) {
    try {
      keep(event);
    } catch (RuntimeException e) {
      LOG.warn("Could not add a message to the editors' inbox ({}); left out", e.getClass().getSimpleName());
    }
  }

  /** The inbox's copies (redacted) of one conversation's messages, for a subject access export. */
  public List<String> textsFrom(String conversationId) {
    String prefix = conversationId + ":";
    return store.all().stream().filter(i -> i.id().startsWith(prefix)).sorted(Comparator.comparing(InboxItem::at))
        .map(InboxItem::text).toList();
  }

  /**
   * An erased conversation's messages leave the inbox (redacted as they are, they are still the
   * resident's words). Decisions keep only a group's word stems, so they stay.
   */
  @EventListener
  public synchronized void on(ConversationErased event) {
    String prefix = event.conversation().id() + ":";
    List<String> ids = store.ids().stream().filter(id -> id.startsWith(prefix)).toList();
    if (!ids.isEmpty()) {
      store.remove(ids);
    }
  }

  private synchronized void keep(ResidentNotServed event) {
    String id = event.conversationId() + ":" + event.seq();
    if (!isItemId(id)) {
      return;
    }
    String text = redactor.redact(event.text());
    String groupKey = GroupKeys.of(text);
    var decided = store.decision(groupKey);
    // A disclosure the check missed is asked about again, whatever was decided about its words before.
    boolean missed = event.why() == Why.SAFEGUARDING_MISSED;
    if (decided.isPresent() && !(missed && !"safeguarding".equals(decided.get().decision()))) {
      if (store.find(id).isEmpty() && !event.why().equals(Why.PICKED) && !event.why().equals(Why.TOPIC_RECORDED)) {
        store.putDecision(decided.get().later());
      }
      return;
    }
    InboxItem before = store.find(id).orElse(null);
    Set<String> reasons = new LinkedHashSet<>(before == null ? Set.of() : before.reasons());
    reasons.add(event.why().name());
    String picked = event.why() == Why.PICKED ? event.intent() : before == null ? null : before.picked();
    String staffTopic = event.why() == Why.TOPIC_RECORDED ? event.intent() : before == null ? null : before.staffTopic();
    String concern = missed ? event.intent() : before == null ? null : before.concern();
    List<Guess> guesses = event.guesses().isEmpty() && before != null ? before.guesses() : event.guesses();
    store.put(new InboxItem(id, text, groupKey, reasons, guesses, picked, staffTopic, event.channel(),
        clock.instant(), concern));
  }

  /** The open messages, grouped; the biggest groups first. */
  public List<InboxGroup> groups() {
    Map<String, List<InboxItem>> byGroup = new TreeMap<>();
    for (InboxItem item : store.all()) {
      byGroup.computeIfAbsent(item.groupKey(), k -> new ArrayList<>()).add(item);
    }
    // A disclosure the safeguarding check may have missed comes first, whatever the counts.
    return byGroup.entrySet().stream().map(e -> group(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing((InboxGroup g) -> g.markedByStaff().isEmpty())
            .thenComparing(Comparator.comparingInt(InboxGroup::count).reversed())
            .thenComparing(InboxGroup::lastAt, Comparator.reverseOrder()))
        .toList();
  }

  /**
   * Decides a group: {@code assigned} adds its distinct messages to {@code intent}'s phrases in the
   * draft, {@code out_of_scope} to the draft's out-of-scope examples (both also to the draft's
   * regression set, {@code tests/inbox.jsonl}), {@code dismissed} changes nothing in the draft. The group leaves the inbox; the decision is kept.
   *
   * @throws IllegalArgumentException for an unknown decision, or {@code assigned} without an intent
   * @throws NoSuchElementException when no open group has this key, or the draft has no such intent
   */
  public synchronized InboxDecision decide(String groupKey, String decision, String intent, String by) {
    if (!DECISIONS.contains(decision)) {
      throw new IllegalArgumentException("decision must be one of " + DECISIONS + ".");
    }
    boolean names = decision.equals("assigned") || decision.equals("safeguarding");
    if (names == (intent == null || intent.isBlank())) {
      throw new IllegalArgumentException(decision.equals("assigned") ? "Name the intent to assign the messages to."
          : decision.equals("safeguarding") ? "Name the safeguarding category the messages disclose (as intent)."
          : "Only an assignment names an intent.");
    }
    List<InboxItem> items = store.all().stream().filter(i -> i.groupKey().equals(groupKey)).toList();
    if (items.isEmpty()) {
      throw new NoSuchElementException("The inbox has no such group (decided already, or gone).");
    }
    List<String> texts = items.stream().map(InboxItem::text).distinct().toList();
    if (decision.equals("assigned")) {
      draft.addPhrases(intent, texts, by);
      draft.addTestMessages(texts, intent, by);
    } else if (decision.equals("safeguarding")) {
      draft.addSafeguardingPhrases(intent, texts, by);
    } else if (decision.equals("out_of_scope")) {
      draft.addOutOfScope(texts, by);
      draft.addTestMessages(texts, LabeledText.OUT_OF_SCOPE, by);
    }
    InboxDecision kept = new InboxDecision(groupKey, decision, names ? intent : null, by,
        clock.instant(), items.size(), 0);
    store.putDecision(kept);
    store.remove(items.stream().map(InboxItem::id).toList());
    return kept;
  }

  private InboxGroup group(String key, List<InboxItem> items) {
    items.sort(Comparator.comparing(InboxItem::at).reversed());
    List<String> texts = items.stream().map(InboxItem::text).distinct().limit(TEXTS_SHOWN).toList();
    Set<String> reasons = new LinkedHashSet<>();
    Map<String, Double> guesses = new LinkedHashMap<>();
    Set<String> picked = new LinkedHashSet<>();
    Set<String> recorded = new LinkedHashSet<>();
    Set<String> concerns = new LinkedHashSet<>();
    Set<String> channels = new java.util.TreeSet<>();
    for (InboxItem item : items) {
      for (Why why : Why.values()) {
        if (item.reasons().contains(why.name())) {
          reasons.add(REASONS.get(why));
        }
      }
      item.guesses().stream().limit(1).forEach(g -> guesses.merge(g.intent(), g.confidence(), Math::max));
      if (item.picked() != null) {
        picked.add(item.picked());
      }
      if (item.staffTopic() != null) {
        recorded.add(item.staffTopic());
      }
      if (item.concern() != null) {
        concerns.add(item.concern());
      }
      channels.add(item.channel());
    }
    List<InboxGroup.Topic> guessed = guesses.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> topic(e.getKey(), e.getValue())).toList();
    return new InboxGroup(key, items.size(), texts.get(0), texts, List.copyOf(reasons), guessed,
        picked.stream().map(i -> topic(i, null)).toList(), recorded.stream().map(i -> topic(i, null)).toList(),
        List.copyOf(channels), items.get(0).at(), concerns.stream().map(this::category).toList());
  }

  private InboxGroup.Topic category(String id) {
    String title = catalog.pack().safeguarding().category(id).map(c -> c.title()).orElse(id);
    return new InboxGroup.Topic(id, title, null);
  }

  private InboxGroup.Topic topic(String intent, Double confidence) {
    String title = catalog.intent(intent).map(i -> i.title()).orElse(intent);
    return new InboxGroup.Topic(intent, title, confidence);
  }
}
