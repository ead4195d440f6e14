package dev.stormproof.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link ResultRow} files (one per benchmark program). Not thread-safe. */
public final class Results {
  private final Path file;
  private final List<ResultRow> rows = new ArrayList<>();

  public Results(Path file) {
    this.file = file;
  }

  /** Adds a row, echoes it to stdout and rewrites the file, so a crash keeps what was measured. */
  public void add(ResultRow row) {
    rows.add(row);
    System.out.println(row.toTsv());
    write();
  }

  public List<ResultRow> rows() {
    return List.copyOf(rows);
  }

  private void write() {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<String> lines = new ArrayList<>();
      lines.add(ResultRow.HEADER);
      rows.forEach(r -> lines.add(r.toTsv()));
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results to " + file, e);
    }
  }

  /** Every row of {@code file}; an absent file reads as no rows. */
  public static List<ResultRow> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<ResultRow> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          out.add(ResultRow.fromTsv(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read results from " + file, e);
    }
  }
}
