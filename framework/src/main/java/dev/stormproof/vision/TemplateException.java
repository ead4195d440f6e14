package dev.stormproof.vision;

/**
 * A template file cannot be used: bad path, missing, empty, unreadable, flat, or larger than the
 * screen. The message names the template, what is wrong and how to fix it.
 */
public class TemplateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  TemplateException(String message) {
    super(message);
  }

  TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
