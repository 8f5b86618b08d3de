package org.townhall.bot.channel.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.content.ContentRelease;
import org.townhall.bot.conversation.BotNoticeProperties;
import org.townhall.bot.conversation.SafeguardingConcerns;
import org.townhall.bot.conversation.SurveyProperties;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.learning.LearningProperties;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.store.RetentionProperties;
import org.townhall.bot.store.SatisfactionEvent;
import org.townhall.bot.store.StaffStore;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.content.IntentDefinition;

/**
 * The public pages about the assistant, with no sign-in and no personal data: the web chat's
 * accessibility statement (in the shape of GOV.UK's model statement) and a transparency record (in
 * the shape of the UK Algorithmic Transparency Recording Standard, tiers 1 and 2), filled from
 * {@link TransparencyProperties} and from the running bot: its content, thresholds, safeguarding
 * categories, retention settings and figures.
 */
@RestController
class PublicPages {

  /** Short: the live figures should not be much older than the page says. */
  private static final Duration CACHED = Duration.ofMinutes(5);
  /** The satisfaction figures on the transparency page cover this long. */
  static final int SATISFACTION_DAYS = 90;
  private static final String OOS = "oos";

  private final TransparencyProperties transparency;
  private final BrandingProperties brand;
  private final BotNoticeProperties notice;
  private final AnswerCatalog catalog;
  private final IntentUnderstanding understanding;
  private final SafeguardingConcerns safeguarding;
  private final RetentionProperties retention;
  private final LearningProperties learning;
  private final SurveyProperties survey;
  private final OfficeHours officeHours;
  private final StaffStore staff;
  private final Clock clock;

  PublicPages(TransparencyProperties transparency, BrandingProperties brand, BotNoticeProperties notice,
      AnswerCatalog catalog, IntentUnderstanding understanding, SafeguardingConcerns safeguarding,
      RetentionProperties retention, LearningProperties learning, SurveyProperties survey, OfficeHours officeHours,
      StaffStore staff, Clock clock) {
    this.transparency = transparency;
    this.brand = brand;
    this.notice = notice;
    this.catalog = catalog;
    this.understanding = understanding;
    this.safeguarding = safeguarding;
    this.retention = retention;
    this.learning = learning;
    this.survey = survey;
    this.officeHours = officeHours;
    this.staff = staff;
    this.clock = clock;
  }

  @GetMapping(value = "/accessibility", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> accessibility() {
    TransparencyProperties.Accessibility a = transparency.accessibility();
    String org = transparency.organisation();
    String service = brand.serviceName();
    boolean full = a.compliance() == TransparencyProperties.Compliance.FULL;
    PageHtml page = new PageHtml("Accessibility statement", service)
        .h1("Accessibility statement for " + service)
        .p("This accessibility statement applies to " + service + ", " + org + "'s online assistant: the chat page "
            + "and the chat panel on the council's website.")
        .p("This service is run by " + org + ". We want as many people as possible to be able to use it. For "
            + "example, that means you should be able to:")
        .list(List.of("change colours, contrast levels and fonts using browser or device settings",
            "zoom in up to 400% without the text spilling off the screen",
            "navigate the whole service using just a keyboard or speech recognition software",
            "listen to the conversation using a screen reader (including the most recent versions of JAWS, NVDA "
                + "and VoiceOver): new messages are announced as they arrive",
            "talk to a person at any time, by choosing \"Talk to a person\" or typing it"))
        .p("We've also made the text as simple as possible to understand.")
        .p("", "AbilityNet", "https://mcmw.abilitynet.org.uk/",
            " has advice on making your device easier to use if you have a disability.")
        .h2("How accessible this service is");
    if (full) {
      page.p("We believe every part of this service meets the accessibility standard below.");
    } else {
      page.p("We know some parts of this service are not fully accessible:").list(a.knownIssues());
    }
    page.h2("Feedback and contact information")
        .p("If you need information from this service in a different format like accessible PDF, large print, easy "
            + "read, audio recording or braille, or you have trouble using it:")
        .list(contacts())
        .p("We'll consider your request and get back to you in " + a.responseDays() + " working days.")
        .h2("Reporting accessibility problems with this service")
        .p("We're always looking to improve the accessibility of this service. If you find any problems not listed "
            + "on this page or think we're not meeting accessibility requirements, contact " + org + ": "
            + String.join(", or ", contacts()) + ".")
        .h2("Enforcement procedure")
        .p("The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
            + "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility "
            + "regulations').")
        .p("If you're not happy with how we respond to your complaint, contact the ",
            "Equality Advisory and Support Service (EASS)", "https://www.equalityadvisoryservice.com/", ".")
        .h2("Technical information about this service's accessibility")
        .p(org + " is committed to making its website accessible, in accordance with the Public Sector Bodies "
            + "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.")
        .h3("Compliance status")
        .p(full ? "This service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA "
            + "standard."
            : "This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA "
                + "standard, due to the non-compliances listed below.");
    if (!full) {
      page.h2("Non-accessible content").h3("Non-compliance with the accessibility regulations").list(a.knownIssues());
    }
    page.h2("What we're doing to improve accessibility")
        .p("Every change to the chat is checked before release by automated accessibility tests (axe-core, WCAG 2.2 "
            + "AA) at desktop and phone sizes, and the conversation is tested with the keyboard alone. We review "
            + "this statement when the service changes.")
        .h2("Preparation of this accessibility statement")
        .p("This statement was prepared on " + PageHtml.day(a.preparedOn()) + ". It was last reviewed on "
            + PageHtml.day(a.reviewedOn()) + ".")
        .p("This service was last tested on " + PageHtml.day(a.testedOn()) + ". " + a.testedBy());
    return html(page.end(brand.footerLinks()));
  }

  @GetMapping(value = "/transparency", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> transparency(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
    if (!transparency.transparencyPage()) {
      // The site's own "Page not found", as for any address it does not have (an exception here would be
      // answered as an API error).
      response.sendError(HttpStatus.NOT_FOUND.value());
      return null;
    }
    String org = transparency.organisation();
    String service = brand.serviceName();
    ContentRelease release = catalog.release();
    List<IntentDefinition> topics = release.pack().intents().stream().filter(i -> !i.id().equals(OOS)).toList();
    int phrases = topics.stream().mapToInt(i -> i.phrases().size()).sum();
    Thresholds thresholds = understanding.thresholds();
    List<String> categories = safeguarding.categories().stream().map(Disclosure::title).toList();
    Instant now = clock.instant();
    PageHtml page = new PageHtml("How this assistant works", service)
        .h1("Algorithmic transparency record: " + service)
        .p(org + " publishes this record in the shape of the UK Algorithmic Transparency Recording Standard. The "
            + "figures in it come from the running assistant when this page was loaded, except where it says they "
            + "were measured.")
        .h2("Tier 1: summary")
        .facts("Name", service,
            "Description", "An online assistant that answers residents' questions about " + org + "'s services, in "
                + "the web chat and on Telegram, and passes the conversation to a member of staff when a person is "
                + "needed.",
            "How it works", "It matches each message to one of the council's topics and gives the council's written "
                + "answer for it. It does not decide anything about a resident's case, payment or entitlement.",
            "Why it is used", "So that residents get answers to common questions at any time, and staff have more "
                + "time for residents who need a person.",
            "Phase", "In use",
            "Contact", String.join(", or ", contacts()))
        .h2("Tier 2: details")
        .h3("1. Owner and responsibility")
        .facts("Organisation", org,
            "Team", transparency.team(),
            "Senior responsible owner", transparency.seniorResponsibleOwner(),
            "Supplier", "None: " + org + " runs Townhall, open-source software, itself. What residents write is not "
                + "sent to another company to be understood.")
        .h3("2. Description and rationale")
        .p("The assistant answers questions on " + topics.size() + " topics (live), such as:")
        .list(topics.stream().filter(i -> !AnswerCatalog.isSmallTalk(i)).map(IntentDefinition::title).limit(12).toList())
        .p("Without it, residents would phone or email the contact centre for the same answers, within opening "
            + "hours only.")
        .h3("3. Decision-making process")
        .p("Every message is first checked for signs that someone may be at risk (the safeguarding check: the "
            + "council's rules and phrases for " + categories.size() + " categories, live: "
            + String.join(", ", categories) + "). If the check matches, the assistant gives the help for that "
            + "risk first and passes the conversation to staff as urgent, at the top of the queue.")
        .p("Otherwise a classifier (an Apache OpenNLP maximum entropy model, trained on the council's " + phrases
            + " example phrases, live) scores each topic between 0 and 1. If the best score is at least "
            + score(thresholds.answer()) + ", the assistant answers; from " + score(thresholds.clarify())
            + " up to that, it offers the likely topics to choose from; below " + score(thresholds.clarify())
            + ", it says it did not understand and asks for other words (live thresholds).")
        .p("A person takes over:")
        .list(List.of("whenever the resident asks for a person (at any step)",
            "when the assistant does not understand twice in a row",
            "at once, for urgent topics and when the safeguarding check matches",
            "when the resident says an answer did not help and then chooses a person",
            "for everyone, while the council has paused the assistant"))
        .p(officeHours.isOpen(now) ? "The contact centre is open now: a member of staff replies in the conversation."
            : "The contact centre is closed now: conversations passed to a person wait for staff until it opens "
                + "on " + officeHours.nextOpeningSpoken(now) + ".")
        .p("Staff see what the assistant understood and can correct it. Editors review the messages it did not "
            + "handle well and change its content; each change is measured before it is published.")
        .h3("4. Tool specification and performance")
        .facts("Content version (live)", release.version().number() + (release.version().publishedAt() == null ? ""
                : ", published " + PageHtml.day(release.version().publishedAt().atZone(officeHours.zone())
                    .toLocalDate())),
            "Topics (live)", Integer.toString(topics.size()),
            "Example phrases it is trained on (live)", Integer.toString(phrases),
            "Thresholds (live)", "answer at " + score(thresholds.answer()) + ", offer choices from "
                + score(thresholds.clarify()),
            "Measured accuracy", transparency.measuredAccuracy(),
            "Residents' satisfaction after staff helped (live, last " + SATISFACTION_DAYS + " days)", satisfaction(now))
        .h3("5. Data")
        .p("The assistant keeps only what it needs to answer and to pass a conversation on (live settings):")
        .list(dataKept())
        .p("It never uses what residents write to train itself: only an editor can add a message, without its "
            + "personal details, to the example phrases.")
        .p("How " + org + " uses what residents write: ", "privacy notice", notice.privacyNoticeUrl(), ".")
        .h3("6. Risks and mitigations")
        .list(List.of("A wrong answer: the assistant asks \"Did that help?\" after each answer and offers a person "
                + "after \"No\"; unsure, it offers choices instead of guessing.",
            "Someone at risk is missed: the safeguarding check runs before anything else on every message, in "
                + "every state, even while staff have the conversation.",
            "Personal data kept too long: conversations are deleted on a fixed schedule (above); figures hold no "
                + "names or messages.",
            "The assistant goes wrong: the council can pause it at once, and every conversation then goes to staff."));
    return html(page.end(brand.footerLinks()));
  }

  private List<String> contacts() {
    List<String> ways = new ArrayList<>();
    ways.add("email " + transparency.contactEmail());
    if (!transparency.contactPhone().isBlank()) {
      ways.add("call " + transparency.contactPhone());
    }
    return ways;
  }

  private List<String> dataKept() {
    List<String> kept = new ArrayList<>(List.of(
        "Conversations and their messages: deleted " + PageHtml.spoken(retention.conversations())
            + " after their last message.",
        "A chat opened but never written in: deleted after " + PageHtml.spoken(retention.emptyConversations()) + ".",
        "Messages the assistant did not handle well, with email addresses, phone numbers, National Insurance "
            + "numbers, card and bank details and full postcodes taken out, for editors: deleted "
            + PageHtml.spoken(learning.retention()) + " after they last came up.",
        "Editors' decisions on such messages (no message text): kept " + PageHtml.spoken(learning.decisionsKept())
            + "."));
    if (survey.enabled()) {
      kept.add("Answers to the satisfaction question after staff helped: the rating, the comment with personal "
          + "details taken out and the team, with no name or conversation, for the figures.");
    }
    return kept;
  }

  private String satisfaction(Instant now) {
    Instant since = now.minus(Duration.ofDays(SATISFACTION_DAYS));
    List<Integer> ratings = staff.satisfactionEvents(StaffStore.SATISFACTION_KEPT).stream()
        .filter(e -> !e.at().isBefore(since)).map(SatisfactionEvent::rating).filter(Objects::nonNull).toList();
    if (ratings.isEmpty()) {
      return "No answers yet.";
    }
    double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
    return String.format(java.util.Locale.UK, "%.1f out of 5, from %d answer%s.", mean, ratings.size(),
        ratings.size() == 1 ? "" : "s");
  }

  private static String score(double value) {
    return String.format(java.util.Locale.UK, "%.2f", value);
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHED).cachePublic())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(body);
  }
}
