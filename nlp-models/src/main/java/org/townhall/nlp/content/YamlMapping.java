package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed, line-aware access to a YAML mapping. Each accessor records a problem (missing field,
 * wrong type, empty value) instead of throwing, and returns empty so reading can go on.
 */
final class YamlMapping {

  /** A text value and the line it is on. */
  record Text(String value, int line) {}

  private final MappingNode node;
  private final String file;
  private final Problems problems;
  private final Map<String, NodeTuple> fields = new LinkedHashMap<>();

  YamlMapping(MappingNode node, String file, Problems problems) {
    this.node = node;
    this.file = file;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar)) {
        problems.add(file, line(key), "a field name must be plain text");
      } else if (fields.putIfAbsent(scalar.getValue(), tuple) != null) {
        problems.add(file, line(key), "duplicate field '" + scalar.getValue() + "'");
      }
    }
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  int line() {
    return line(node);
  }

  /** Records a problem for each field not in {@code known}. */
  void rejectUnknownFields(Set<String> known, String where) {
    fields.forEach((name, tuple) -> {
      if (!known.contains(name)) {
        problems.add(file, line(tuple.getKeyNode()), "unknown field '" + name + "' in " + where
            + " (known fields: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    });
  }

  Optional<Text> requiredText(String field) {
    Optional<Node> value = value(field);
    if (value.isEmpty()) {
      problems.add(file, line(), "missing required field '" + field + "'");
      return Optional.empty();
    }
    return text("'" + field + "'", value.get());
  }

  Optional<Text> optionalText(String field) {
    return value(field).flatMap(v -> text("'" + field + "'", v));
  }

  boolean optionalBoolean(String field) {
    Optional<Node> value = value(field);
    if (value.isEmpty()) {
      return false;
    }
    if (value.get() instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
      return Boolean.parseBoolean(scalar.getValue());
    }
    problems.add(file, line(value.get()), "'" + field + "' must be true or false");
    return false;
  }

  Optional<Double> requiredNumber(String field) {
    Optional<Node> value = value(field);
    if (value.isEmpty()) {
      problems.add(file, line(), "missing required field '" + field + "'");
      return Optional.empty();
    }
    if (value.get() instanceof ScalarNode scalar
        && (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
      return Optional.of(Double.parseDouble(scalar.getValue()));
    }
    problems.add(file, line(value.get()), "'" + field + "' must be a number");
    return Optional.empty();
  }

  Optional<YamlMapping> mapping(String field, boolean required) {
    Optional<Node> value = value(field);
    if (value.isEmpty()) {
      if (required) {
        problems.add(file, line(), "missing required field '" + field + "'");
      }
      return Optional.empty();
    }
    if (value.get() instanceof MappingNode mapping) {
      return Optional.of(new YamlMapping(mapping, file, problems));
    }
    problems.add(file, line(value.get()), "'" + field + "' must be a mapping of fields");
    return Optional.empty();
  }

  /** The items of a list field; an absent optional list is empty. */
  List<Text> textList(String field, boolean required) {
    List<Text> items = new ArrayList<>();
    for (Node item : sequence(field, required)) {
      text("each item of '" + field + "'", item).ifPresent(items::add);
    }
    return items;
  }

  /** The items of a list of mappings (such as the entries of signposts.yml); an absent optional list is empty. */
  List<YamlMapping> mappingList(String field, boolean required) {
    List<YamlMapping> items = new ArrayList<>();
    for (Node item : sequence(field, required)) {
      if (item instanceof MappingNode mapping) {
        items.add(new YamlMapping(mapping, file, problems));
      } else {
        problems.add(file, line(item), "each item of '" + field + "' must be a mapping of fields");
      }
    }
    return items;
  }

  /** The nodes of a list field, with the problems of a missing, empty or non-list field reported. */
  private List<Node> sequence(String field, boolean required) {
    Optional<Node> value = value(field);
    if (value.isEmpty()) {
      if (required) {
        problems.add(file, line(), "missing required field '" + field + "'");
      }
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      problems.add(file, line(value.get()), "'" + field + "' must be a list (lines starting '- ')");
      return List.of();
    }
    if (required && sequence.getValue().isEmpty()) {
      problems.add(file, line(sequence), "'" + field + "' must not be empty");
    }
    return sequence.getValue();
  }

  private Optional<Node> value(String field) {
    NodeTuple tuple = fields.get(field);
    return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
  }

  private Optional<Text> text(String label, Node value) {
    if (!(value instanceof ScalarNode scalar)) {
      problems.add(file, line(value), label + " must be text, not a list or mapping");
      return Optional.empty();
    }
    String text = Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue().strip();
    if (text.isEmpty()) {
      problems.add(file, line(value), label + " must not be empty");
      return Optional.empty();
    }
    return Optional.of(new Text(text, line(value)));
  }
}
