package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.content.YamlMapping.Text;

/** Reads and checks {@code signposts.yml}. */
final class SignpostFileReader {

  private static final Set<String> FILE_FIELDS = Set.of("signposts");
  private static final Set<String> FIELDS = Set.of("id", "text", "link", "emergency", "when");
  private final String file;
  private final Problems problems;
  private final Map<String, Integer> idLines = new HashMap<>();

  SignpostFileReader(String file, Problems problems) {
    this.file = file;
    this.problems = problems;
  }

  Signposts read(YamlMapping yaml) {
    yaml.rejectUnknownFields(FILE_FIELDS, file);
    List<Signpost> signposts = new ArrayList<>();
    for (YamlMapping entry : yaml.mappingList("signposts", true)) {
      signpost(entry).ifPresent(signposts::add);
    }
    return new Signposts(signposts);
  }

  private Optional<Signpost> signpost(YamlMapping yaml) {
    yaml.rejectUnknownFields(FIELDS, "a signpost");
    Optional<Text> id = yaml.requiredText("id");
    id.ifPresent(this::checkId);
    Optional<Text> text = yaml.requiredText("text");
    Optional<Text> link = yaml.optionalText("link");
    link.filter(l -> !IntentFileReader.isWebLink(l.value())).ifPresent(l -> problems.add(file,
        l.line(), "link '" + l.value() + "' must be a full web address, e.g. https://www.gov.uk/..."));
    boolean emergency = yaml.optionalBoolean("emergency");
    TriggerWords when = TriggerWords.read(yaml.textList("when", true), file, problems);
    if (id.isEmpty() || text.isEmpty() || when.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Signpost(id.get().value(), text.get().value(),
        link.map(Text::value).orElse(null), emergency, when));
  }

  private void checkId(Text id) {
    if (!IntentFileReader.ID.matcher(id.value()).matches()) {
      problems.add(file, id.line(), "id '" + id.value() + "' must be lower_snake_case");
    }
    Integer first = idLines.putIfAbsent(id.value(), id.line());
    if (first != null) {
      problems.add(file, id.line(),
          "duplicate id '" + id.value() + "' (already at " + file + ":" + first + ")");
    }
  }

}
