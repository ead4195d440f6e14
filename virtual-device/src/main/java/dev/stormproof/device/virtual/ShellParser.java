package dev.stormproof.device.virtual;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way {@code /system/bin/sh} (mksh) does for simple commands: words
 * separated by blanks, single quotes literal, double quotes with {@code \\ \" \$ \`} escapes,
 * a backslash outside quotes escapes the next character. Recognised operators: {@code &&},
 * {@code ||}, {@code ;} between commands and {@code >} (stdout redirection to a path). No
 * variables, globs, pipes or subshells: they are rejected with a shell-like syntax error rather
 * than misread. Hand-written because no maintained Java library tokenizes POSIX shell words.
 */
final class ShellParser {

  /** How a command is joined to the one before it. */
  enum Joint { FIRST, SEQ, AND, OR }

  /** One simple command: its words and an optional stdout redirection target. */
  record Command(Joint joint, List<String> args, String redirect) {
    String name() {
      return args.get(0);
    }
  }

  /** A word or an operator; {@code operator} is true only for unquoted operator characters. */
  record Token(String text, boolean operator) {
  }

  /** A line the shell cannot run; the message is what mksh would print after "/system/bin/sh: ". */
  static final class SyntaxError extends Exception {
    SyntaxError(String message) {
      super(message);
    }
  }

  private ShellParser() {
  }

  static List<Token> tokenize(String line) throws SyntaxError {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          tokens.add(new Token(word.toString(), false));
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new SyntaxError("syntax error: ''' unmatched");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
            if (line.charAt(i + 1) != '\n') {
              word.append(line.charAt(i + 1));
            }
            i += 2;
          } else {
            word.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new SyntaxError("syntax error: '\"' unmatched");
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < n) {
          if (line.charAt(i + 1) != '\n') {
            word.append(line.charAt(i + 1));
            inWord = true;
          }
          i += 2;
        } else {
          i++;
        }
      } else if (c == '&' || c == '|' || c == ';' || c == '>' || c == '<' || c == '(' || c == ')' || c == '`') {
        if (inWord) {
          tokens.add(new Token(word.toString(), false));
          word.setLength(0);
          inWord = false;
        }
        String op = String.valueOf(c);
        if ((c == '&' || c == '|' || c == '>') && i + 1 < n && line.charAt(i + 1) == c) {
          op = op + c;
        }
        i += op.length();
        tokens.add(new Token(op, true));
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      tokens.add(new Token(word.toString(), false));
    }
    return tokens;
  }

  /** Parses a line into simple commands; an empty line gives an empty list. */
  static List<Command> parse(String line) throws SyntaxError {
    List<Command> commands = new ArrayList<>();
    List<String> args = new ArrayList<>();
    String redirect = null;
    Joint joint = Joint.FIRST;
    List<Token> tokens = tokenize(line);
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.operator()) {
        args.add(t.text());
        continue;
      }
      switch (t.text()) {
        case ">" -> {
          if (i + 1 >= tokens.size() || tokens.get(i + 1).operator()) {
            throw new SyntaxError("syntax error: unexpected '" + (i + 1 < tokens.size() ? tokens.get(i + 1).text() : "newline") + "'");
          }
          redirect = tokens.get(++i).text();
        }
        case "&&", "||", ";" -> {
          if (args.isEmpty()) {
            throw new SyntaxError("syntax error: unexpected '" + t.text() + "'");
          }
          commands.add(new Command(joint, List.copyOf(args), redirect));
          args.clear();
          redirect = null;
          joint = t.text().equals("&&") ? Joint.AND : t.text().equals("||") ? Joint.OR : Joint.SEQ;
        }
        default -> throw new SyntaxError("'" + t.text() + "' is not supported by the virtual device's shell;"
            + " use simple commands joined by &&, || or ;");
      }
    }
    if (!args.isEmpty()) {
      commands.add(new Command(joint, List.copyOf(args), redirect));
    } else if (redirect != null || (joint != Joint.FIRST && joint != Joint.SEQ)) {
      throw new SyntaxError("syntax error: unexpected end of line");
    }
    return commands;
  }
}
