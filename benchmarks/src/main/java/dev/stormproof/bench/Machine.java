package dev.stormproof.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine section of the report: cores, CPU model, Java, and the load seen during the run. */
final class Machine {
  private Machine() {
  }

  /** The 1-minute load average in a load.txt line ("... loadavg 6.87 5.00 2.73, ..."), or 0. */
  static double load1(String line) {
    int i = line.indexOf("loadavg ");
    if (i < 0) {
      return 0;
    }
    String[] f = line.substring(i + 8).split("[ ,]");
    try {
      return Double.parseDouble(f[0]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static String describe(Path results) throws IOException {
    String cpu = "unknown";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }
    StringBuilder md = new StringBuilder("## Machine\n\n");
    md.append("- cores (`nproc`): ").append(Runtime.getRuntime().availableProcessors()).append('\n')
        .append("- CPU: ").append(cpu).append('\n')
        .append("- Java: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append('\n')
        .append("- OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(' ').append(System.getProperty("os.arch")).append('\n');
    Path load = results.resolve("load.txt");
    if (Files.exists(load)) {
      List<String> lines = Files.readAllLines(load);
      md.append("- load during the run (from `run.sh`):\n");
      lines.forEach(l -> md.append("  - ").append(l).append('\n'));
      double worst = lines.stream().mapToDouble(Machine::load1).max().orElse(0);
      int cores = Runtime.getRuntime().availableProcessors();
      if (worst > cores) {
        md.append("\n**The machine was busy during this run** (1-minute load average up to ")
            .append(worst).append(" on ").append(cores).append(" cores: other builds and tests were ")
            .append("running on the same cores). Absolute times are inflated and noisy; compare ratios ")
            .append("within one table, and rerun on an idle machine for figures to quote.\n");
      }
    }
    md.append('\n');
    return md.toString();
  }
}
