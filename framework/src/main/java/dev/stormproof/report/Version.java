package dev.stormproof.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Stormproof's own version, for the report's environment. */
public final class Version {

  private Version() {}

  /**
   * The framework version this build was made from.
   *
   * @return for example {@code 0.1.0-SNAPSHOT}
   */
  public static String stormproof() {
    try (InputStream in = Version.class.getResourceAsStream("stormproof-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read stormproof-version.properties from the framework jar", e);
    }
  }
}
