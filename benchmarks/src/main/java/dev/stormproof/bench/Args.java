package dev.stormproof.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line options with defaults; unknown names are rejected. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] args, Map<String, String> defaults) {
    values.putAll(defaults);
    Set<String> known = defaults.keySet();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected '--name value' pairs, got '" + a
            + "' at position " + i + "; known options: " + known);
      }
      String name = a.substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known options: " + known);
      }
      values.put(name, args[++i]);
    }
  }

  String get(String name) {
    return values.get(name);
  }

  int integer(String name) {
    try {
      return Integer.parseInt(values.get(name));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer, got '" + values.get(name) + "'", e);
    }
  }

  Path path(String name) {
    return Path.of(values.get(name));
  }
}
