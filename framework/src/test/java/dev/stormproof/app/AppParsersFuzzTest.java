package dev.stormproof.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stormproof.device.DeviceProtocolException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fixed-seed fuzzing of the app guard's parsers: the Android-version samples mutated (character
 * flips, digit runs, deleted and duplicated lines, truncation, inserted huge numbers) plus
 * noise. Allowed outcomes: a parsed value, or {@link DeviceProtocolException} with a message.
 * Crash and ANR parsing never throws. The separate-thread timeout fails a parser that loops.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AppParsersFuzzTest {

  private static final int ROUNDS = 3000;

  @Test
  void meminfo() {
    int parsed = fuzz(0x5EED_A001L, MemInfo::parse, "meminfo-android5.txt",
        "meminfo-android8.txt", "meminfo-android14.txt");
    assertThat(parsed).as("most mutations keep a readable dump").isGreaterThan(ROUNDS / 4);
  }

  @Test
  void gfxinfo() {
    int parsed = fuzz(0x5EED_A002L, GfxInfo::parse, "gfxinfo-android5.txt",
        "gfxinfo-android6.txt", "gfxinfo-android9.txt", "gfxinfo-android13.txt");
    assertThat(parsed).isGreaterThan(ROUNDS / 4);
  }

  @Test
  void proc_status_and_fds() {
    int parsed = fuzz(0x5EED_A003L, ProcStatus::parse, "status-android7.txt",
        "status-android14.txt");
    assertThat(parsed).isGreaterThan(ROUNDS / 4);
    fuzz(0x5EED_A004L, ProcStatus::countFds, "fds:0\n1\n2\n3\n4\n5\n17\n");
  }

  @Test
  void crash_log_and_anrs_never_throw() {
    Random random = new Random(0x5EED_A005L);
    String[] samples = {AppParsersTest.sample("crash-log.txt"),
        AppParsersTest.sample("activity-processes-android9.txt"),
        AppParsersTest.sample("activity-processes-android14.txt")};
    for (int i = 0; i < ROUNDS; i++) {
      String input = mutate(samples[random.nextInt(samples.length)], random);
      for (Crash c : Crash.parseCrashLog(input)) {
        assertThat(c.text()).isNotEmpty();
      }
      List<Crash> anrs = Crash.parseAnrs(input);
      assertThat(anrs).allSatisfy(a -> assertThat(a.kind()).isEqualTo("ANR"));
    }
  }

  private static int fuzz(long seed, Function<String, ?> parser, String... names) {
    Random random = new Random(seed);
    String[] samples = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      samples[i] = names[i].startsWith("fds:") ? names[i].substring(4) : AppParsersTest.sample(names[i]);
    }
    int parsed = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String input = i % 50 == 49 ? noise(random) : mutate(samples[random.nextInt(samples.length)], random);
      try {
        assertThat(parser.apply(input)).isNotNull();
        parsed++;
      } catch (DeviceProtocolException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    return parsed;
  }

  static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(6)) {
        case 0 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
        case 1 -> b.insert(at, random.nextBoolean() ? "99999999999999999999" : "-1");
        case 2 -> {
          int end = b.indexOf("\n", at);
          b.delete(at, end < 0 ? b.length() : end);
        }
        case 3 -> {
          int end = Math.min(b.length(), at + random.nextInt(200));
          b.insert(at, b.substring(at, end));
        }
        case 4 -> b.setLength(at);
        default -> b.setCharAt(at, (char) ('0' + random.nextInt(10)));
      }
    }
    return b.toString();
  }

  private static String noise(Random random) {
    char[] c = new char[random.nextInt(400)];
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) random.nextInt(0x2100);
    }
    return new String(c);
  }
}
