package org.townhall.nlp.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.content.YamlMapping.Text;

/**
 * Reads and checks a pack's {@code safeguarding/} folder: {@code safeguarding.yml} (the threshold
 * and the safe phrases), {@code look-alikes.yml} and one {@code categories/<id>.yml} per kind of
 * danger. Phrases are checked for duplicates among themselves, not against the intents: "a child is
 * being hurt" is both a council topic and a disclosure, for two separate models.
 */
final class SafeguardingReader {

  static final String DIR = "safeguarding";
  private static final String SETTINGS_FILE = DIR + "/safeguarding.yml";
  private static final String LOOK_ALIKES_FILE = DIR + "/look-alikes.yml";
  private static final String CATEGORIES_DIR = DIR + "/categories";
  private static final Set<String> SETTINGS_FIELDS = Set.of("threshold", "safe-phrases", "negations", "past-markers");
  private static final Set<String> CATEGORY_FIELDS = Set.of("id", "title", "team", "handoff", "help", "when",
      "phrases");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final Problems problems;
  private final PhraseIndex phrases;

  SafeguardingReader(Problems problems) {
    this.problems = problems;
    this.phrases = new PhraseIndex(problems);
  }

  Safeguarding read(Path pack) {
    Path dir = pack.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return Safeguarding.NONE;
    }
    Optional<YamlMapping> settings = YamlFile.read(pack.resolve(SETTINGS_FILE), SETTINGS_FILE, problems);
    settings.ifPresent(s -> s.rejectUnknownFields(SETTINGS_FIELDS, SETTINGS_FILE));
    Optional<Double> threshold = settings.flatMap(s -> s.requiredNumber("threshold"));
    threshold.filter(t -> !(t > 0 && t <= 1)).ifPresent(t -> problems.add(SETTINGS_FILE,
        settings.get().line(), "threshold must be above 0 and at most 1, got " + t));
    List<String> safePhrases = settings.map(s -> values(s.textList("safe-phrases", false))).orElse(List.of());
    List<String> negations = settings.map(s -> values(s.textList("negations", false))).orElse(List.of());
    List<String> pastMarkers = settings.map(s -> values(s.textList("past-markers", false))).orElse(List.of());
    List<String> lookAlikes = lookAlikes(pack.resolve(LOOK_ALIKES_FILE));
    List<SafeguardingCategory> categories = categories(pack.resolve(CATEGORIES_DIR));
    if (categories.isEmpty()) {
      problems.add(CATEGORIES_DIR + "/", 0, "the safeguarding folder has no categories");
    }
    if (!problems.isEmpty()) {
      return Safeguarding.NONE;
    }
    return new Safeguarding(threshold.orElseThrow(), categories, lookAlikes, safePhrases, negations, pastMarkers);
  }

  private List<String> lookAlikes(Path file) {
    return PackFiles.phrases(file, LOOK_ALIKES_FILE, problems, phrases);
  }

  private List<SafeguardingCategory> categories(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<SafeguardingCategory> categories = new ArrayList<>();
    for (Path file : PackFiles.list(dir, CATEGORIES_DIR, problems)) {
      String fileName = file.getFileName().toString();
      String name = CATEGORIES_DIR + "/" + fileName;
      if (!fileName.endsWith(".yml") || Files.isDirectory(file)) {
        problems.add(name, 0, "not a category file: expected <id>.yml");
        continue;
      }
      String id = fileName.substring(0, fileName.length() - ".yml".length());
      YamlFile.read(file, name, problems).flatMap(yaml -> category(yaml, name, id)).ifPresent(categories::add);
    }
    categories.sort(Comparator.comparing(SafeguardingCategory::id));
    return categories;
  }

  private Optional<SafeguardingCategory> category(YamlMapping yaml, String file, String expectedId) {
    yaml.rejectUnknownFields(CATEGORY_FIELDS, "a safeguarding category");
    Optional<Text> id = yaml.requiredText("id");
    id.ifPresent(i -> checkId(i, file, expectedId));
    Optional<Text> title = yaml.requiredText("title");
    Optional<Text> team = yaml.requiredText("team");
    team.filter(t -> !IntentFileReader.TEAMS.contains(t.value())).ifPresent(t -> problems.add(file, t.line(),
        "unknown team '" + t.value() + "' (teams: " + String.join(", ", IntentFileReader.TEAMS.stream().sorted()
            .toList()) + ")"));
    boolean handoff = yaml.optionalBoolean("handoff");
    Optional<Text> help = yaml.requiredText("help");
    help.ifPresent(h -> checkPlaceholders(h, file));
    TriggerWords when = TriggerWords.read(yaml.textList("when", false), file, problems);
    List<Text> examples = yaml.textList("phrases", true);
    examples.forEach(p -> phrases.add(file, p));
    if (id.isEmpty() || title.isEmpty() || team.isEmpty() || help.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SafeguardingCategory(id.get().value(), title.get().value(), team.get().value(), handoff,
        help.get().value(), when, values(examples)));
  }

  private void checkId(Text id, String file, String expectedId) {
    if (!IntentFileReader.ID.matcher(id.value()).matches() || LabeledText.OUT_OF_SCOPE.equals(id.value())) {
      problems.add(file, id.line(), "id '" + id.value() + "' must be lower_snake_case and not 'oos'");
    }
    if (!id.value().equals(expectedId)) {
      problems.add(file, id.line(), "id '" + id.value() + "' must equal the file name '" + expectedId + "'");
    }
  }

  /** A help text may name the council's own numbers, and nothing else, in braces. */
  private void checkPlaceholders(Text help, String file) {
    Matcher m = PLACEHOLDER.matcher(help.value());
    while (m.find()) {
      if (!SafeguardingCategory.PLACEHOLDERS.contains(m.group(1))) {
        problems.add(file, help.line(), "unknown placeholder '{" + m.group(1) + "}' in help (known: "
            + String.join(", ", SafeguardingCategory.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()) + ")");
      }
    }
  }


  private static List<String> values(List<Text> texts) {
    return texts.stream().map(Text::value).toList();
  }
}
