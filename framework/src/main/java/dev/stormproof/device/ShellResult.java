package dev.stormproof.device;

/**
 * The outcome of a shell command: exit code and complete output (never silently short; a
 * dropped connection is a {@link DeviceLostException} instead).
 *
 * @param exitCode the command's exit code
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error (empty where the device merges the streams)
 */
public record ShellResult(int exitCode, String stdout, String stderr) {
  /**
   * Whether the command succeeded.
   *
   * @return true when the exit code is 0
   */
  public boolean ok() {
    return exitCode == 0;
  }
}
