package org.townhall.nlp.content;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes an intent as the {@code intents/<id>.yml} file {@link ContentPackReader} reads, in the
 * pack's own field order, so that editors can change an intent in a form and the pack stays files a
 * person (or git) can read. SnakeYAML quotes whatever needs quoting.
 */
public final class IntentFileWriter {

  private IntentFileWriter() {}

  /** The file name of an intent with this id, inside the pack. */
  public static String path(String id) {
    return ContentPackReader.INTENTS_DIR + "/" + id + ".yml";
  }

  /** Whether {@code id} is a valid intent id (lower_snake_case, not "oos"). */
  public static boolean isValidId(String id) {
    return id != null && id.length() <= 64 && IntentFileReader.ID.matcher(id).matches()
        && !org.townhall.nlp.classify.LabeledText.OUT_OF_SCOPE.equals(id);
  }

  /** The teams an intent may name. */
  public static Set<String> teams() {
    return new TreeSet<>(IntentFileReader.TEAMS);
  }

  /** The details an intent may ask for before answering. */
  public static Set<String> slots() {
    return new TreeSet<>(IntentFileReader.SLOTS);
  }

  /** Whether {@code source} can be an answer's source page: a full https address. */
  public static boolean isSourcePage(String source) {
    return source != null && IntentFileReader.isSourcePage(source);
  }

  /** A review-by date as the pack writes it (2027-03-31), or empty. */
  public static java.util.Optional<java.time.LocalDate> reviewDate(String text) {
    return text == null ? java.util.Optional.empty() : IntentFileReader.date(text.strip());
  }

  /**
   * Writes a date as an editor does, {@code by: 2027-03-31}: SnakeYAML knows no LocalDate, and as text
   * it would be quoted ('2027-03-31'), which shows in the draft's diff as a change nobody made.
   */
  private static final class DateRepresenter extends Representer {
    DateRepresenter(DumperOptions options) {
      super(options);
      representers.put(LocalDate.class, date -> representScalar(Tag.TIMESTAMP, date.toString()));
    }
  }

  public static String write(IntentDefinition intent) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("id", intent.id());
    file.put("title", intent.title());
    file.put("team", intent.team());
    file.put("urgent", intent.urgent());
    file.put("handoff", intent.handoff());
    if (!intent.slots().isEmpty()) {
      file.put("slots", List.copyOf(intent.slots()));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("text", intent.answer().text());
    if (intent.answer().link() != null) {
      answer.put("link", intent.answer().link());
    }
    if (!intent.answer().options().isEmpty()) {
      answer.put("options", List.copyOf(intent.answer().options()));
    }
    Review review = intent.answer().review();
    if (review != null) {
      Map<String, Object> fields = new LinkedHashMap<>();
      if (review.owner() != null) {
        fields.put("owner", review.owner());
      }
      if (review.by() != null) {
        fields.put("by", review.by());
      }
      if (review.source() != null) {
        fields.put("source", review.source());
      }
      answer.put("review", fields);
    }
    file.put("answer", answer);
    file.put("phrases", List.copyOf(intent.phrases()));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    // One phrase to a line, however long, as people write them: a changed answer then shows in the
    // draft's diff as the answer's lines, not as every long phrase folded differently.
    options.setSplitLines(false);
    return new Yaml(new DateRepresenter(options), options).dump(file);
  }
}
