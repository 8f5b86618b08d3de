package org.townhall.nlp.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses one pack file into SnakeYAML's node tree, which keeps the line of every value. JSON is
 * YAML too, so {@code .json} files go the same way. Problems are recorded, never thrown.
 */
final class YamlFile {

  private YamlFile() {}

  /** The file's top-level mapping, or empty (with a problem recorded) if there is none. */
  static Optional<YamlMapping> read(Path path, String name, Problems problems) {
    Optional<Node> root = parse(path, name, problems);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (!(root.get() instanceof MappingNode mapping)) {
      problems.add(name, YamlMapping.line(root.get()),
          "the file must hold a mapping of fields (field: value)");
      return Optional.empty();
    }
    return Optional.of(new YamlMapping(mapping, name, problems));
  }

  private static Optional<Node> parse(Path path, String name, Problems problems) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // YamlMapping reports duplicates with their line
    Yaml yaml = new Yaml(new SafeConstructor(options));
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Node root = yaml.compose(reader);
      if (root == null) {
        problems.add(name, 0, "the file is empty");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(name, mark == null ? 0 : mark.getLine() + 1,
          "not valid YAML: " + firstNonNull(e.getProblem(), e.getContext()));
    } catch (YAMLException e) {
      String message = e.getCause() instanceof CharacterCodingException
          ? "the file is not UTF-8 text" : "not valid YAML: " + e.getMessage();
      problems.add(name, 0, message);
    } catch (CharacterCodingException e) {
      problems.add(name, 0, "the file is not UTF-8 text");
    } catch (IOException e) {
      problems.add(name, 0, "cannot read the file: " + e);
    }
    return Optional.empty();
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b != null ? b : "syntax error";
  }
}
