package dev.stormproof.device.virtual;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The shell commands that show the app's process ({@link VirtualApp#process}) the way a phone
 * does, and {@code setprop}. Errors read like toybox's and dumpsys's.
 */
final class ProcessCommands {

  private final VirtualDevice device;

  ProcessCommands(VirtualDevice device) {
    this.device = device;
  }

  private Optional<AppProcess> process() {
    return device.app().process(device.now());
  }

  int pidof(List<String> args, ShellIo io) throws IOException {
    Optional<AppProcess> p = process();
    if (p.isPresent() && args.contains(p.get().packageName())) {
      io.out(p.get().pid() + "\n");
      return 0;
    }
    return 1;
  }

  int setprop(List<String> args, ShellIo io) throws IOException {
    if (args.size() != 2) {
      io.err("setprop: need 2 arguments: setprop NAME VALUE\n");
      return 1;
    }
    device.setProperty(args.get(0), args.get(1));
    return 0;
  }

  int logcat(List<String> args, ShellIo io) throws IOException {
    if (!args.equals(List.of("-b", "crash", "-d"))) {
      io.err("logcat: only dumps are supported on the virtual device (no log streaming): "
          + "'logcat -b crash -d', or 'logcat -d [-v threadtime] [-t N]' for the main log\n");
      return 1;
    }
    List<String> lines = device.app().crashLog();
    if (!lines.isEmpty()) {
      io.out("--------- beginning of crash\n" + String.join("\n", lines) + "\n");
    }
    return 0;
  }

  /** {@code dumpsys meminfo|gfxinfo|activity ...}; null when {@code service} is none of them. */
  Integer dumpsys(String service, List<String> args, ShellIo io) throws IOException {
    Optional<AppProcess> p = process();
    long uptime = device.now() % 100_000_000L;
    switch (service) {
      case "meminfo", "gfxinfo" -> {
        if (args.isEmpty() || args.size() > 2 || (args.size() == 2 && !args.get(1).equals("reset"))) {
          io.err("dumpsys " + service + ": use dumpsys " + service + " PACKAGE"
              + (service.equals("gfxinfo") ? " [reset]" : "") + " on the virtual device\n");
          return 1;
        }
        if (p.isEmpty() || !p.get().packageName().equals(args.get(0))) {
          io.out("No process found for: " + args.get(0) + "\n");
          return 0;
        }
        if (service.equals("meminfo")) {
          io.out(ProcessDumps.meminfo(p.get(), uptime));
        } else {
          io.out(ProcessDumps.gfxinfo(p.get(), uptime, device.now() * 1_000_000L));
          if (args.size() == 2) {
            device.app().resetFrameStats(device.now());
          }
        }
        return 0;
      }
      case "activity" -> {
        if (args.isEmpty() || !args.get(0).equals("processes") || args.size() > 2) {
          io.err("dumpsys activity: only 'dumpsys activity processes [PACKAGE]' is supported on the virtual device\n");
          return 1;
        }
        boolean shown = p.isPresent() && (args.size() == 1 || p.get().packageName().equals(args.get(1)));
        io.out(shown ? ProcessDumps.activityProcesses(p.get())
            : "ACTIVITY MANAGER RUNNING PROCESSES (dumpsys activity processes)\n");
        return 0;
      }
      default -> {
        return null;
      }
    }
  }

  /** {@code cat /proc/PID/status}; null when the path is not under /proc. */
  Integer cat(String file, ShellIo io) throws IOException {
    if (!file.startsWith("/proc/")) {
      return null;
    }
    Optional<AppProcess> p = process();
    String prefix = p.map(x -> "/proc/" + x.pid() + "/").orElse("/proc/none/");
    if (p.isPresent() && file.equals(prefix + "status")) {
      long rss = p.get().nativeHeapKb() + p.get().javaHeapKb() + p.get().graphicsKb() + 70_000;
      io.out(ProcessDumps.status(p.get(), rss));
      return 0;
    }
    io.err("cat: " + file + ": No such file or directory\n");
    return 1;
  }

  int ls(List<String> args, ShellIo io) throws IOException {
    Optional<AppProcess> p = process();
    if (args.size() == 1 && p.isPresent() && args.get(0).equals("/proc/" + p.get().pid() + "/fd")) {
      StringBuilder b = new StringBuilder();
      for (int fd = 0; fd < p.get().fds(); fd++) {
        b.append(fd).append('\n');
      }
      io.out(b.toString());
      return 0;
    }
    io.err("ls: " + (args.isEmpty() ? "." : args.get(0)) + ": No such file or directory\n");
    return 1;
  }
}
