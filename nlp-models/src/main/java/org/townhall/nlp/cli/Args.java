package org.townhall.nlp.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options, {@code --flag} switches and positional arguments. */
final class Args {

  private final Map<String, List<String>> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  Args(String[] args, Set<String> flags) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        if (flags.contains(name)) {
          options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        } else if (i + 1 < args.length) {
          options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        } else {
          throw new UsageException("option --" + name + " needs a value");
        }
      } else {
        positional.add(arg);
      }
    }
  }

  Optional<String> option(String name) {
    List<String> values = options.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
  }

  String required(String name) {
    return option(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  List<String> positional() {
    return positional;
  }

  void allowOnly(Set<String> names) {
    for (String name : options.keySet()) {
      if (!names.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
  }

  /** A mistake in the command line; the message is shown with the usage. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
