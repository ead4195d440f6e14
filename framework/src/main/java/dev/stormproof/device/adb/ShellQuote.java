package dev.stormproof.device.adb;

import java.util.ArrayList;
import java.util.List;

/**
 * Quoting for the Android device shell ({@code /system/bin/sh}, a POSIX shell).
 *
 * <p>{@link #quote(String)} wraps a value in single quotes, writing each embedded {@code '} as
 * {@code '\''}: inside single quotes the shell expands nothing ({@code $}, {@code `},
 * {@code \}, {@code ;}, newlines are literal), so the value reaches the command as one argument.
 *
 * <p>{@link #inputText(String)} builds the command(s) that type a text with {@code input text}:
 * that tool turns {@code %s} into a space, so spaces are sent as {@code %s}, and a literal
 * {@code %} followed by {@code s} is split over two {@code input text} calls (there is no escape
 * for it). Stateless and thread-safe.
 */
public final class ShellQuote {

  private ShellQuote() {}

  /**
   * {@code value} as one single-quoted shell word, for {@link dev.stormproof.device.Device#shell}.
   *
   * @param value any text
   * @return the quoted word, for example {@code 'it'\''s'} for {@code it's}
   * @throws IllegalArgumentException if {@code value} contains a NUL character, which no shell
   *     argument can carry
   */
  public static String quote(String value) {
    int nul = value.indexOf('\0');
    if (nul >= 0) {
      throw new IllegalArgumentException(
          "cannot quote a value with a NUL character (at index " + nul + ") for the device shell: "
              + "shell arguments end at NUL; remove it");
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /**
   * The shell command that types {@code text} with {@code input text}: one or more
   * {@code input text '...'} calls joined with {@code &&} (so the first failure stops the rest and
   * sets the exit code). Empty text gives an empty list of chunks and the command {@code true}.
   */
  static String inputText(String text) {
    List<String> chunks = inputTextChunks(text);
    if (chunks.isEmpty()) {
      return "true";
    }
    StringBuilder command = new StringBuilder();
    for (String chunk : chunks) {
      if (command.length() > 0) {
        command.append(" && ");
      }
      command.append("input text ").append(quote(chunk));
    }
    return command.toString();
  }

  /**
   * The encoded arguments of the {@code input text} calls for {@code text}, in order: spaces as
   * {@code %s}, and a new chunk wherever a literal {@code %} is followed by a literal {@code s}.
   */
  static List<String> inputTextChunks(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    boolean lastWasLiteralPercent = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        chunk.append("%s");
        lastWasLiteralPercent = false;
        continue;
      }
      if (c == 's' && lastWasLiteralPercent) {
        // "%s" would come out as a space: end the chunk after the '%'.
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(c);
      lastWasLiteralPercent = c == '%';
    }
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /**
   * What Android's {@code input text} types for one argument: each {@code %s} becomes a space.
   * The inverse of one chunk of {@link #inputTextChunks}; used by tests and by fakes.
   */
  static String decodeInputText(String argument) {
    StringBuilder out = new StringBuilder(argument.length());
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '%' && i + 1 < argument.length() && argument.charAt(i + 1) == 's') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
