package dev.stormproof.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app guard's parsers on the output shapes of several Android versions (test resources). */
class AppParsersTest {

  private static final long K = 1024;

  static String sample(String name) {
    try (InputStream in = AppParsersTest.class.getResourceAsStream("/app/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void meminfo_android5_has_only_the_table() {
    MemInfo m = MemInfo.parse(sample("meminfo-android5.txt"));
    assertThat(m.pid()).isEqualTo(2871);
    assertThat(m.totalPss()).isEqualTo(27440 * K);
    assertThat(m.nativeHeap()).isEqualTo(9120 * K);
    assertThat(m.javaHeap()).isEqualTo(3310 * K);
    assertThat(m.graphics()).isEqualTo((2048 + 6144 + 3072) * K);
    assertThat(m.objects("Views")).isEqualTo(42);
    assertThat(m.objects("Activities")).isEqualTo(2);
    assertThat(m.objects("Local Binders", "Proxy Binders")).isEqualTo(30);
    assertThat(m.sections()).containsEntry(".so mmap", 1432 * K).doesNotContainKey("TOTAL");
  }

  @Test
  void meminfo_android8_reads_the_app_summary() {
    MemInfo m = MemInfo.parse(sample("meminfo-android8.txt"));
    assertThat(m.pid()).isEqualTo(14022);
    assertThat(m.totalPss()).isEqualTo(67879 * K);
    assertThat(m.nativeHeap()).isEqualTo(18160 * K);
    assertThat(m.javaHeap()).isEqualTo(7808 * K);
    assertThat(m.graphics()).isEqualTo(32792 * K);
    assertThat(m.objects("Views")).isEqualTo(118);
    assertThat(m.objects("Local Binders", "Proxy Binders")).isEqualTo(61);
    assertThat(m.sections()).containsEntry("EGL mtrack", 20480 * K).hasSize(17);
  }

  @Test
  void meminfo_android14_reads_total_pss_beside_rss() {
    MemInfo m = MemInfo.parse(sample("meminfo-android14.txt"));
    assertThat(m.pid()).isEqualTo(8812);
    assertThat(m.totalPss()).isEqualTo(169916 * K);
    assertThat(m.nativeHeap()).isEqualTo(44268 * K);
    assertThat(m.javaHeap()).isEqualTo(12524 * K);
    assertThat(m.graphics()).isEqualTo(94208 * K);
    assertThat(m.objects("Views")).isEqualTo(256);
    assertThat(m.objects("Activities")).isEqualTo(1);
    assertThat(m.objects("Local Binders", "Proxy Binders")).isEqualTo(93);
    assertThat(m.objects("WebViews")).isZero();
    assertThat(m.objects("No Such Object")).isEqualTo(-1);
    assertThat(m.sections()).containsEntry("Native Heap", 44310 * K);
  }

  @Test
  void meminfo_of_an_app_that_is_not_running_is_a_protocol_error_naming_what_was_printed() {
    assertThatThrownBy(() -> MemInfo.parse(sample("meminfo-not-running.txt")))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("dumpsys meminfo printed no '** MEMINFO in pid N [package] **' header; it began "
            + "with: 'No process found for: com.example.game'");
  }

  @Test
  void gfxinfo_across_versions() {
    assertThat(GfxInfo.parse(sample("gfxinfo-android5.txt")))
        .isEqualTo(new GfxInfo(2871, -1, -1, -1, -1, -1, -1));
    assertThat(GfxInfo.parse(sample("gfxinfo-android5.txt")).jankPercent()).isEqualTo(-1);
    GfxInfo m = GfxInfo.parse(sample("gfxinfo-android6.txt"));
    assertThat(m).isEqualTo(new GfxInfo(5120, 612, 73, -1, 21, 32, 61));
    assertThat(m.jankPercent()).isEqualTo(11);
    assertThat(GfxInfo.parse(sample("gfxinfo-android9.txt")))
        .isEqualTo(new GfxInfo(14022, 2400, 48, 7, 11, 13, 24));
    GfxInfo t = GfxInfo.parse(sample("gfxinfo-android13.txt"));
    assertThat(t).as("the (legacy) janky line and the gpu percentiles are not the frame figures")
        .isEqualTo(new GfxInfo(8812, 3600, 1620, 19, 52, 68, 117));
    assertThat(t.jankPercent()).isEqualTo(45);
  }

  @Test
  void gfxinfo_with_more_janky_frames_than_frames_is_garbled() {
    assertThatThrownBy(() -> GfxInfo.parse("** Graphics info for pid 7 [a.b] **\n"
        + "Total frames rendered: 3\nJanky frames: 9 (300.00%)\n"))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("dumpsys gfxinfo for pid 7 printed 9 janky frames of 3 in all; the output is garbled");
  }

  @Test
  void proc_status_across_versions() {
    assertThat(ProcStatus.parse(sample("status-android7.txt")))
        .isEqualTo(new ProcStatus("ample.game", 5120, 31, 98765 * K));
    assertThat(ProcStatus.parse(sample("status-android14.txt")))
        .isEqualTo(new ProcStatus("ample.game", 8812, 87, 261376 * K));
    assertThatThrownBy(() -> ProcStatus.parse("Name:\tx\nPid:\t12\n"))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("/proc/<pid>/status has no Threads line; it began with: 'Name:\tx'");
  }

  @Test
  void fd_listing_is_counted_and_anything_else_rejected() {
    assertThat(ProcStatus.countFds("0\n1\n2\n10\n127\n")).isEqualTo(5);
    assertThat(ProcStatus.countFds("")).isZero();
    assertThatThrownBy(() -> ProcStatus.countFds("0\nls: /proc/1/fd: Permission denied\n"))
        .isInstanceOf(DeviceProtocolException.class)
        .hasMessage("ls /proc/<pid>/fd printed 'ls:' where a file descriptor number belongs");
  }

  @Test
  void crash_log_splits_java_and_native_crashes_by_process() {
    List<Crash> crashes = Crash.parseCrashLog(sample("crash-log.txt"));
    assertThat(crashes).extracting(Crash::kind, Crash::pid, Crash::process).containsExactly(
        org.assertj.core.groups.Tuple.tuple("crash", 4411, "com.example.other"),
        org.assertj.core.groups.Tuple.tuple("crash", 8812, "com.example.game"),
        org.assertj.core.groups.Tuple.tuple("native crash", 9120, "com.example.game"));
    assertThat(crashes.get(1).text()).contains("java.lang.IllegalStateException: texture atlas full")
        .contains("at com.example.game.BattleScene.load(BattleScene.java:130)")
        .doesNotContain("com.example.other");
    assertThat(crashes.get(2).text()).contains("Fatal signal 11 (SIGSEGV)")
        .contains("libgame.so (Renderer::draw()+48)");
    assertThat(crashes.get(1).of("com.example.game", 0)).isTrue();
    assertThat(crashes.get(0).of("com.example.game", 4411)).as("named processes match by name")
        .isFalse();
    assertThat(crashes.get(1).key()).isEqualTo(
        "12-01 15:30:12.345 8812 FATAL EXCEPTION: main");
  }

  @Test
  void anr_flags_of_android9_and_android14() {
    List<Crash> old = Crash.parseAnrs(sample("activity-processes-android9.txt"));
    assertThat(old).hasSize(1);
    assertThat(old.get(0).kind()).isEqualTo("ANR");
    assertThat(old.get(0).of("com.example.game", 0)).isTrue();
    assertThat(old.get(0).text()).contains("notRespondingReport: Input dispatching timed out");
    List<Crash> now = Crash.parseAnrs(sample("activity-processes-android14.txt"));
    assertThat(now).extracting(Crash::process, Crash::pid)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("com.example.other", 9311));
    assertThat(Crash.parseAnrs("ACTIVITY MANAGER RUNNING PROCESSES (dumpsys activity processes)\n"))
        .isEmpty();
  }

  @Test
  void a_package_name_that_could_reach_the_shell_is_refused_with_the_fix() {
    assertThatThrownBy(() -> AppProbe.checkPackage("game; reboot", "stormproof.app.package"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stormproof.app.package must be an Android package name like com.example.game, "
            + "was 'game; reboot'; set it to the applicationId of the app under test");
  }

  @Test
  void options_name_the_key_value_and_fix() {
    assertThatThrownBy(() -> AppGuardOptions.DEFAULTS.withTolerance(AppCounter.FDS, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stormproof.app.fdTolerance must be 0 or more, was -1; set "
            + "stormproof.app.fdTolerance (or the @AppGuard attribute) to 0 or more");
    assertThatThrownBy(() -> AppGuardOptions.fromConfig(k -> java.util.Optional.ofNullable(
        k.equals("stormproof.app.stairWindow") ? "2" : null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stormproof.app.stairWindow must be 0 (off) or 3 or more, was 2; set "
            + "stormproof.app.stairWindow (or the @AppGuard attribute) to 0 (off) or 3 or more");
    assertThat(AppGuardOptions.fromConfig(k -> java.util.Optional.ofNullable(
        k.equals("stormproof.app.nativeHeapBytesTolerance") ? "1048576" : null))
        .tolerances()).containsEntry(AppCounter.NATIVE_HEAP, 1048576L)
        .containsEntry(AppCounter.THREADS, 2L);
  }
}
