package org.townhall.bot.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.ResidentLookup;
import org.townhall.bot.learning.Inbox;
import org.townhall.bot.store.StaffStore;

/**
 * A subject access export (UK GDPR, Article 15): everything the bot keeps about one resident, as JSON
 * and as a page a person can read. Built from the stores as they are now; nothing is kept of it.
 */
@Component
class SubjectAccess {

  /** What the export says it leaves out, so the council can answer the rest of the request itself. */
  static final String NOT_INCLUDED = "Not included: the staff audit log's entries (who of staff read or handled "
      + "these conversations and when; available to the council's administrators), rate-limit counters that "
      + "hold a one-way hash of the chat or conversation for a few minutes, and anonymous counts. Nothing else is "
      + "kept about this resident by the chatbot.";

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm:ss", Locale.UK)
      .withZone(ZoneId.of("Europe/London"));

  private final ResidentLookup lookup;
  private final Conversations conversations;
  private final StaffStore staff;
  private final Inbox inbox;
  private final Clock clock;

  SubjectAccess(ResidentLookup lookup, Conversations conversations, StaffStore staff, Inbox inbox, Clock clock) {
    this.lookup = lookup;
    this.conversations = conversations;
    this.staff = staff;
    this.inbox = inbox;
    this.clock = clock;
  }

  record Line(long seq, String from, String text, Instant at, String author) {}

  record Note(Instant at, String author, String text) {}

  record Action(Instant at, String actor, String action, String detail) {}

  /**
   * One conversation as kept.
   *
   * @param detailsGiven what the resident told the bot for a question (e.g. a postcode), while the
   *     conversation is open
   * @param callBack details left for a reply (email address, phone number, message), in full
   * @param editorsInbox the inbox's redacted copies of messages the bot did not serve well
   */
  record Conversation(String conversationId, String reference, String channel, String state, Instant startedAt,
      Instant lastChangedAt, String staffHandling, Map<String, String> detailsGiven, CallBackRequest callBack,
      List<Line> transcript, List<Note> staffNotes, List<Action> auditTrail, List<String> editorsInbox) {}

  /**
   * @param telegramChat the Telegram chat id, for a Telegram resident
   */
  record Export(Instant exportedAt, String exportedBy, String channel, String telegramChat,
      List<Conversation> conversations, String notIncluded) {}

  Export of(ResidentLookup.Resident resident, String by) {
    List<Conversation> all = lookup.conversationsOf(resident).stream().map(this::conversation).toList();
    return new Export(clock.instant(), by, resident.channel(),
        "telegram".equals(resident.channel()) ? resident.channelUserId() : null, all, NOT_INCLUDED);
  }

  private Conversation conversation(ConversationRecord c) {
    Map<String, String> details = new TreeMap<>();
    c.attributes().forEach((name, value) -> {
      if (name.startsWith("slot.")) {
        details.put(name.substring("slot.".length()), value);
      }
    });
    return new Conversation(c.id(), ConversationReferences.of(c.id()), c.channel(), c.state().publicName(),
        c.createdAt(), c.updatedAt(), c.owner(), details, c.callBack(),
        conversations.transcript(c.id(), 0).stream()
            .map(e -> new Line(e.seq(), e.from().name().toLowerCase(Locale.ROOT), e.text(), e.at(), e.author()))
            .toList(),
        staff.notes(c.id()).stream().map(n -> new Note(n.at(), n.author(), n.text())).toList(),
        staff.auditOf(c.id()).stream().map(a -> new Action(a.at(), a.actor(), a.action(), a.detail())).toList(),
        inbox.textsFrom(c.id()));
  }

  /** The export as one page of HTML, every value escaped. */
  static String html(Export export) {
    StringBuilder page = new StringBuilder(4096);
    page.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Data kept about a resident</title>\n</head>\n<body>\n<main>\n")
        .append("<h1>Data kept about a resident</h1>\n<dl>\n");
    item(page, "Exported", when(export.exportedAt()));
    item(page, "Exported by", export.exportedBy());
    item(page, "Channel", export.channel());
    if (export.telegramChat() != null) {
      item(page, "Telegram chat", export.telegramChat());
    }
    item(page, "Conversations", Integer.toString(export.conversations().size()));
    page.append("</dl>\n");
    for (Conversation c : export.conversations()) {
      page.append("<section>\n<h2>Conversation ").append(esc(c.reference())).append("</h2>\n<dl>\n");
      item(page, "Conversation id", c.conversationId());
      item(page, "State", c.state());
      item(page, "Started", when(c.startedAt()));
      item(page, "Last changed", when(c.lastChangedAt()));
      if (c.staffHandling() != null) {
        item(page, "Member of staff handling it", c.staffHandling());
      }
      c.detailsGiven().forEach((name, value) -> item(page, "Detail given: " + name, value));
      CallBackRequest left = c.callBack();
      if (left != null) {
        item(page, "Left for a reply on", when(left.leftAt()));
        if (left.email() != null) {
          item(page, "Email address left", left.email());
        }
        if (left.phone() != null) {
          item(page, "Phone number left", left.phone());
        }
        if (left.message() != null) {
          item(page, "Message left", left.message());
        }
      }
      page.append("</dl>\n<h3>Transcript</h3>\n<table>\n<caption>Every line of conversation ")
          .append(esc(c.reference())).append(", oldest first</caption>\n")
          .append("<thead><tr><th scope=\"col\">When</th><th scope=\"col\">From</th><th scope=\"col\">Text</th></tr>"
              + "</thead>\n<tbody>\n");
      for (Line line : c.transcript()) {
        page.append("<tr><td>").append(esc(when(line.at()))).append("</td><td>")
            .append(esc(line.author() == null ? line.from() : line.from() + " (" + line.author() + ")"))
            .append("</td><td>").append(esc(line.text())).append("</td></tr>\n");
      }
      page.append("</tbody>\n</table>\n");
      list(page, "Staff notes", c.staffNotes().stream()
          .map(n -> when(n.at()) + ", " + n.author() + ": " + n.text()).toList());
      list(page, "What staff did", c.auditTrail().stream()
          .map(a -> when(a.at()) + ", " + a.actor() + ": " + a.action() + (a.detail() == null ? "" : " (" + a.detail()
              + ")")).toList());
      list(page, "Kept for the content editors (redacted)", c.editorsInbox());
      page.append("</section>\n");
    }
    page.append("<p>").append(esc(export.notIncluded())).append("</p>\n</main>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void item(StringBuilder page, String name, String value) {
    page.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
  }

  private static void list(StringBuilder page, String heading, List<String> items) {
    page.append("<h3>").append(esc(heading)).append("</h3>\n");
    if (items.isEmpty()) {
      page.append("<p>None.</p>\n");
      return;
    }
    page.append("<ul>\n");
    items.forEach(i -> page.append("<li>").append(esc(i)).append("</li>\n"));
    page.append("</ul>\n");
  }

  private static String when(Instant at) {
    return at == null ? "" : READABLE.format(at);
  }

  private static String esc(String text) {
    return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
