package dev.stormproof.device.virtual;

import java.util.List;
import java.util.Optional;

/**
 * A parsed OPEN destination: {@code shell:CMD} (raw, stdout and stderr merged, no exit code),
 * {@code shell,v2,ARGS:CMD} (shell protocol packets with exit code; ARGS such as {@code raw},
 * {@code TERM=xterm} are accepted and ignored, because no pty is emulated) or {@code exec:CMD}
 * (raw binary stdout). An empty command (interactive shell) is not offered.
 */
record ServiceRequest(String service, Kind kind, String command, boolean readsInput) {

  enum Kind { SHELL_RAW, SHELL_V2, EXEC }

  static Optional<ServiceRequest> parse(String service) {
    Kind kind;
    String command;
    if (service.startsWith("exec:")) {
      kind = Kind.EXEC;
      command = service.substring(5);
    } else if (service.startsWith("shell:")) {
      kind = Kind.SHELL_RAW;
      command = service.substring(6);
    } else if (service.startsWith("shell,")) {
      int colon = service.indexOf(':');
      if (colon < 0) {
        return Optional.empty();
      }
      List<String> args = List.of(service.substring(6, colon).split(","));
      kind = args.contains("v2") ? Kind.SHELL_V2 : Kind.SHELL_RAW;
      command = service.substring(colon + 1);
    } else {
      return Optional.empty();
    }
    if (command.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ServiceRequest(service, kind, command, readsInput(command)));
  }

  /**
   * Only {@code cat > PATH} reads stdin; every other command ignores it (its input is acknowledged
   * and dropped). Such readers never write output before end of input, so they always drain.
   */
  private static boolean readsInput(String command) {
    try {
      for (ShellParser.Command c : ShellParser.parse(command)) {
        if (c.name().equals("cat") && c.args().size() == 1 && c.redirect() != null) {
          return true;
        }
      }
    } catch (ShellParser.SyntaxError e) {
      return false;
    }
    return false;
  }
}
