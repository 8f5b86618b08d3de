package org.townhall.bot.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.ContentDrafts;
import org.townhall.nlp.content.IntentDefinition;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What a decision changes in the editors' draft: new training phrases, or new out-of-scope examples;
 * and either way the messages, with their label, join the pack's test file {@value #TEST_FILE}, the
 * council's own regression set that every later draft is measured on before it is published.
 */
@Component
class DraftLearning {

  static final String OUT_OF_SCOPE_FILE = "out-of-scope.yml";
  static final String TEST_FILE = "tests/inbox.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContentDrafts drafts;

  DraftLearning(ContentDrafts drafts) {
    this.drafts = drafts;
  }

  /** Adds the texts the intent does not have yet to its phrases in the draft. */
  void addPhrases(String intentId, List<String> texts, String by) {
    IntentDefinition intent = drafts.draftPack().intents().stream().filter(i -> i.id().equals(intentId)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("The draft has no intent " + intentId + "."));
    Set<String> known = intent.phrases().stream().map(DraftLearning::same).collect(Collectors.toSet());
    List<String> phrases = new ArrayList<>(intent.phrases());
    texts.stream().filter(t -> known.add(same(t))).forEach(phrases::add);
    drafts.putIntent(new IntentDefinition(intent.id(), intent.title(), intent.team(), intent.urgent(),
        intent.handoff(), intent.slots(), intent.answer(), phrases), by);
  }

  /** Appends the texts to the draft's out-of-scope examples, below the file's own. */
  void addOutOfScope(List<String> texts, String by) {
    String file = drafts.draftFiles().text(OUT_OF_SCOPE_FILE).orElse("phrases:\n");
    Set<String> known = drafts.draftPack().outOfScope().stream().map(DraftLearning::same).collect(Collectors.toSet());
    drafts.putFile(OUT_OF_SCOPE_FILE, appended(file, "from the editors' inbox", known, texts), by);
  }

  /**
   * Appends the texts to a safeguarding category's phrases in the draft (the category file's last
   * field is its phrases, as the pack's format keeps it), so the check learns what it missed. Publishing
   * it then waits for a second person's approval, like any change to safeguarding content.
   */
  void addSafeguardingPhrases(String category, List<String> texts, String by) {
    var known = drafts.draftPack().safeguarding().category(category)
        .orElseThrow(() -> new NoSuchElementException("The draft has no safeguarding category " + category + "."));
    String path = "safeguarding/categories/" + category + ".yml";
    String file = drafts.draftFiles().text(path)
        .orElseThrow(() -> new NoSuchElementException("The draft has no file " + path + "."));
    // Appending is only right below the file's last top-level field: under 'when' they would be trigger words.
    String lastField = file.lines().filter(l -> l.matches("[a-z_]+:.*")).reduce((x, y) -> y).orElse("");
    if (!lastField.startsWith("phrases:")) {
      throw new IllegalStateException("The file " + path + " does not end with its phrases: add them there by hand.");
    }
    Set<String> have = known.phrases().stream().map(DraftLearning::same).collect(Collectors.toSet());
    drafts.putFile(path, appended(file, "missed by the check, marked by staff, from the editors' inbox", have, texts),
        by);
  }

  /**
   * The file with the texts it does not have yet appended to the list it ends with, under a comment
   * (its own comments kept), each quoted as YAML needs ("[email]" would otherwise read as a list).
   */
  private static String appended(String file, String comment, Set<String> known, List<String> texts) {
    DumperOptions options = new DumperOptions();
    options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    options.setWidth(Integer.MAX_VALUE);
    Yaml yaml = new Yaml(options);
    StringBuilder out = new StringBuilder(file.endsWith("\n") ? file : file + "\n");
    out.append("  # ").append(comment).append('\n');
    texts.stream().filter(t -> known.add(same(t)))
        .forEach(t -> out.append("  - ").append(yaml.dump(t).strip()).append('\n'));
    return out.toString();
  }

  /** Appends the texts, labelled, to the draft's inbox test file (a text already there is not repeated). */
  void addTestMessages(List<String> texts, String label, String by) {
    String file = drafts.draftFiles().text(TEST_FILE).orElse("");
    Set<String> known = drafts.draftPack().tests().stream().filter(t -> ("tests/" + t.name()).equals(TEST_FILE))
        .flatMap(t -> t.messages().stream()).map(m -> same(m.text())).collect(Collectors.toSet());
    StringBuilder out = new StringBuilder(file.isEmpty() || file.endsWith("\n") ? file : file + "\n");
    for (String text : texts) {
      if (known.add(same(text))) {
        ObjectNode line = JSON.createObjectNode();
        line.put("text", text);
        line.put("intent", label);
        out.append(line).append('\n');
      }
    }
    drafts.putFile(TEST_FILE, out.toString(), by);
  }

  private static String same(String phrase) {
    return phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
