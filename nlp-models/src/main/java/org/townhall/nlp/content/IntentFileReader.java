package org.townhall.nlp.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.content.YamlMapping.Text;

/** Reads and checks one {@code intents/<id>.yml} file. */
final class IntentFileReader {

  static final Set<String> TEAMS = Set.of("waste", "highways", "environment", "council-tax",
      "benefits", "business-rates", "parking", "transport", "housing", "registrars", "elections",
      "planning", "education", "social-care", "children", "libraries", "customer-services",
      "licensing", "information-governance", "safeguarding");
  static final Set<String> SLOTS = Set.of("postcode");
  static final int MAX_OPTION_LENGTH = 25;

  private static final Set<String> FIELDS = Set.of(
      "id", "title", "team", "urgent", "handoff", "slots", "answer", "phrases");
  private static final Set<String> ANSWER_FIELDS = Set.of("text", "link", "options", "review");
  private static final Set<String> REVIEW_FIELDS = Set.of("owner", "by", "source");
  /** The form of every id in a pack (intents, signposts): lower_snake_case. */
  static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private final String file;
  private final String expectedId;
  private final Problems problems;
  private final PhraseIndex phraseIndex;

  IntentFileReader(String file, String expectedId, Problems problems, PhraseIndex phraseIndex) {
    this.file = file;
    this.expectedId = expectedId;
    this.problems = problems;
    this.phraseIndex = phraseIndex;
  }

  Optional<IntentDefinition> read(YamlMapping yaml) {
    yaml.rejectUnknownFields(FIELDS, "an intent");
    Optional<Text> id = yaml.requiredText("id");
    id.ifPresent(this::checkId);
    Optional<Text> title = yaml.requiredText("title");
    Optional<Text> team = yaml.requiredText("team");
    team.filter(t -> !TEAMS.contains(t.value())).ifPresent(t -> problems.add(file, t.line(),
        "unknown team '" + t.value() + "' (teams: " + String.join(", ", sorted(TEAMS)) + ")"));
    boolean urgent = yaml.optionalBoolean("urgent");
    boolean handoff = yaml.optionalBoolean("handoff");
    List<Text> slots = yaml.textList("slots", false);
    slots.stream().filter(s -> !SLOTS.contains(s.value())).forEach(s -> problems.add(file,
        s.line(), "unknown slot '" + s.value() + "' (slots: " + String.join(", ", SLOTS) + ")"));
    Optional<Answer> answer = yaml.mapping("answer", true).flatMap(this::answer);
    List<Text> phrases = yaml.textList("phrases", true);
    phrases.forEach(p -> phraseIndex.add(file, p));
    if (id.isEmpty() || title.isEmpty() || team.isEmpty() || answer.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new IntentDefinition(id.get().value(), title.get().value(),
        team.get().value(), urgent, handoff, values(slots), answer.get(), values(phrases)));
  }

  private void checkId(Text id) {
    if (!ID.matcher(id.value()).matches()) {
      problems.add(file, id.line(), "id '" + id.value() + "' must be lower_snake_case");
    } else if (LabeledText.OUT_OF_SCOPE.equals(id.value())) {
      problems.add(file, id.line(), "id 'oos' is reserved for out-of-scope.yml");
    }
    if (!id.value().equals(expectedId)) {
      problems.add(file, id.line(),
          "id '" + id.value() + "' must equal the file name '" + expectedId + "'");
    }
  }

  private Optional<Answer> answer(YamlMapping yaml) {
    yaml.rejectUnknownFields(ANSWER_FIELDS, "an answer");
    Optional<Text> text = yaml.requiredText("text");
    Optional<Text> link = yaml.optionalText("link");
    link.filter(l -> !isWebLink(l.value())).ifPresent(l -> problems.add(file, l.line(),
        "link '" + l.value() + "' must be a full web address, e.g. https://www.example.gov.uk/..."));
    List<Text> options = yaml.textList("options", false);
    options.stream().filter(o -> o.value().length() > MAX_OPTION_LENGTH).forEach(o ->
        problems.add(file, o.line(), "option '" + o.value() + "' is longer than "
            + MAX_OPTION_LENGTH + " characters"));
    Review review = yaml.mapping("review", false).map(this::review).orElse(null);
    return text.map(t -> new Answer(t.value(), link.map(Text::value).orElse(null), values(options), review));
  }

  /** An answer's review: every field optional, each checked; an empty block is no review. */
  private Review review(YamlMapping yaml) {
    yaml.rejectUnknownFields(REVIEW_FIELDS, "a review");
    Optional<Text> owner = yaml.optionalText("owner");
    owner.filter(o -> !TEAMS.contains(o.value())).ifPresent(o -> problems.add(file, o.line(),
        "review owner '" + o.value() + "' is not a team (teams: " + String.join(", ", sorted(TEAMS)) + ")"));
    // YAML reads 2027-03-31 as a timestamp; its text is what the editor wrote, so it is parsed here.
    Optional<LocalDate> by = yaml.optionalText("by").flatMap(b -> {
      Optional<LocalDate> date = date(b.value());
      if (date.isEmpty()) {
        problems.add(file, b.line(), "review-by date '" + b.value()
            + "' must be a date written year-month-day, e.g. 2027-03-31");
      }
      return date;
    });
    Optional<Text> source = yaml.optionalText("source");
    source.filter(s -> !isSourcePage(s.value())).ifPresent(s -> problems.add(file, s.line(),
        "review source '" + s.value() + "' must be a full https address of the council's page, "
            + "e.g. https://www.example.gov.uk/..."));
    if (owner.isEmpty() && by.isEmpty() && source.isEmpty()) {
      return null;
    }
    return new Review(owner.map(Text::value).orElse(null), by.orElse(null), source.map(Text::value).orElse(null));
  }

  /** A date as ISO writes it (2027-03-31), or empty: 2027-3-31, 31/03/2027 and 2027-02-30 are not dates here. */
  static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A page an answer is based on: the council's site over https, never a plain http address. */
  static boolean isSourcePage(String link) {
    return isWebLink(link) && link.startsWith("https://");
  }

  static boolean isWebLink(String link) {
    try {
      URI uri = new URI(link);
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static List<String> values(List<Text> texts) {
    return texts.stream().map(Text::value).toList();
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }
}
