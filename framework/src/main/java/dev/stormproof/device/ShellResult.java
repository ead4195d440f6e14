package dev.stormproof.device;

/**
 * The outcome of a shell command: exit code and complete output (never silently short; a
 * dropped connection is a {@link DeviceLostException} instead).
 */
public record ShellResult(int exitCode, String stdout, String stderr) {
  public boolean ok() {
    return exitCode == 0;
  }
}
