package dev.stormproof.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.tesseract.TessBaseAPI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** A Tesseract engine opened by hand and never closed is a leak the guard reports with its site. */
class OcrLeakGuardTest {

  static final List<TessBaseAPI> LEAKED = new CopyOnWriteArrayList<>();

  @AfterAll
  static void freeThem() {
    LEAKED.forEach(TessBaseAPI::close);
    LEAKED.clear();
  }

  @LeakGuard(warmup = 1)
  static class UnclosedEngine {
    @RepeatedTest(3)
    void leaks() {
      LEAKED.add(new TessBaseAPI()); // planted: never End()ed nor closed
    }
  }

  @Test
  void anUnclosedTessBaseApiIsReportedWithItsAllocationSite() {
    List<Throwable> failures = LeakGuardTest.failures(LeakGuardTest.run(UnclosedEngine.class));
    assertThat(failures).hasSize(2).allMatch(t -> t instanceof AssertionError);
    assertThat(failures.get(0).getMessage())
        .contains("\n  native buffers   +1 (baseline 0, now 1, tolerance 0) [owned by this test]\n")
        .contains("Native buffers not closed (grouped by allocation site):\n  1 x TessBaseAPI")
        .contains("      at dev.stormproof.junit.OcrLeakGuardTest$UnclosedEngine.leaks(OcrLeakGuardTest.java:27)\n");
  }
}
