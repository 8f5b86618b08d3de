package org.townhall.nlp.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.content.YamlMapping.Text;

/**
 * Reads a content pack folder (see {@code docs/content-pack.md}) and checks it. Every problem is
 * collected, each with its file and line, and reported together in one {@link
 * ContentPackException}. A pack without {@code out-of-scope.yml} has no out-of-scope examples, one
 * without {@code signposts.yml} no signposts, one without {@code safeguarding/} no safeguarding, and one
 * without {@code tests/} no test messages.
 */
public final class ContentPackReader {

  static final String PACK_FILE = "pack.yml";
  static final String INTENTS_DIR = "intents";
  static final String OUT_OF_SCOPE_FILE = "out-of-scope.yml";
  static final String SIGNPOSTS_FILE = "signposts.yml";

  private static final Set<String> PACK_FIELDS = Set.of("name", "locale", "thresholds");
  private static final Set<String> THRESHOLD_FIELDS = Set.of("answer", "clarify");
  private static final List<String> INTENT_EXTENSIONS = List.of(".yml", ".yaml", ".json");

  private final Problems problems = new Problems();
  private final PhraseIndex phrases = new PhraseIndex(problems);

  private ContentPackReader() {}

  /**
   * @param dir the pack folder, holding {@code pack.yml}, {@code intents/} and optionally
   *     {@code out-of-scope.yml} and {@code signposts.yml}
   * @throws ContentPackException listing every problem, if the pack is broken
   */
  public static ContentPack read(Path dir) {
    return new ContentPackReader().readPack(dir);
  }

  /** The built-in English pack, from the classpath (a folder or a jar). */
  public static ContentPack builtIn() {
    return BuiltInPack.read();
  }

  private ContentPack readPack(Path dir) {
    Optional<YamlMapping> pack = YamlFile.read(dir.resolve(PACK_FILE), PACK_FILE, problems);
    String name = pack.flatMap(p -> p.requiredText("name")).map(Text::value).orElse(null);
    String locale = pack.flatMap(this::locale).orElse(null);
    Thresholds thresholds = pack.flatMap(this::thresholds).orElse(null);
    pack.ifPresent(p -> p.rejectUnknownFields(PACK_FIELDS, "pack.yml"));
    List<IntentDefinition> intents = intents(dir.resolve(INTENTS_DIR));
    List<String> outOfScope = outOfScope(dir.resolve(OUT_OF_SCOPE_FILE));
    Signposts signposts = signposts(dir.resolve(SIGNPOSTS_FILE));
    Safeguarding safeguarding = new SafeguardingReader(problems).read(dir);
    List<TestSet> tests = new TestSetReader(problems).read(dir);
    problems.throwIfAny(dir.toString());
    return new ContentPack(name, locale, thresholds, intents, outOfScope, signposts, safeguarding, tests);
  }

  private Optional<String> locale(YamlMapping pack) {
    Optional<Text> locale = pack.requiredText("locale");
    locale.filter(l -> Locale.forLanguageTag(l.value()).getLanguage().isEmpty())
        .ifPresent(l -> problems.add(PACK_FILE, l.line(),
            "locale '" + l.value() + "' is not a language tag such as en-GB"));
    return locale.map(Text::value);
  }

  private Optional<Thresholds> thresholds(YamlMapping pack) {
    Optional<YamlMapping> yaml = pack.mapping("thresholds", true);
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    yaml.get().rejectUnknownFields(THRESHOLD_FIELDS, "thresholds");
    Optional<Double> answer = yaml.get().requiredNumber("answer");
    Optional<Double> clarify = yaml.get().requiredNumber("clarify");
    if (answer.isEmpty() || clarify.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Thresholds(answer.get(), clarify.get()));
    } catch (IllegalArgumentException e) {
      problems.add(PACK_FILE, yaml.get().line(), e.getMessage());
      return Optional.empty();
    }
  }

  private List<IntentDefinition> intents(Path dir) {
    if (!Files.isDirectory(dir)) {
      problems.add(INTENTS_DIR + "/", 0, "the folder of intent files is missing");
      return List.of();
    }
    List<IntentDefinition> intents = new ArrayList<>();
    for (Path file : PackFiles.list(dir, INTENTS_DIR, problems)) {
      String fileName = file.getFileName().toString();
      String name = INTENTS_DIR + "/" + fileName;
      Optional<String> extension = INTENT_EXTENSIONS.stream().filter(fileName::endsWith).findFirst();
      if (extension.isEmpty() || Files.isDirectory(file)) {
        problems.add(name, 0, "not an intent file: expected <id>.yml, <id>.yaml or <id>.json");
        continue;
      }
      String id = fileName.substring(0, fileName.length() - extension.get().length());
      YamlFile.read(file, name, problems)
          .flatMap(yaml -> new IntentFileReader(name, id, problems, phrases).read(yaml))
          .ifPresent(intents::add);
    }
    if (intents.isEmpty() && problems.isEmpty()) {
      problems.add(INTENTS_DIR + "/", 0, "the pack has no intents");
    }
    intents.sort(Comparator.comparing(IntentDefinition::id));
    return intents;
  }

  private List<String> outOfScope(Path file) {
    return PackFiles.phrases(file, OUT_OF_SCOPE_FILE, problems, phrases);
  }

  private Signposts signposts(Path file) {
    if (!Files.exists(file)) {
      return Signposts.NONE;
    }
    return YamlFile.read(file, SIGNPOSTS_FILE, problems)
        .map(yaml -> new SignpostFileReader(SIGNPOSTS_FILE, problems).read(yaml))
        .orElse(Signposts.NONE);
  }

}
