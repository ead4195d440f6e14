package dev.stormproof.device.virtual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.Size;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualDeviceMainTest {

  @Test
  void parsesPortSizeAndFast() {
    VirtualDeviceOptions o = VirtualDeviceMain.parse(new String[] {"--port", "40555", "--size", "1440x3200", "--fast"}, System.out);
    assertThat(o.port()).isEqualTo(40555);
    assertThat(o.size()).isEqualTo(new Size(1440, 3200));
    assertThat(o.latency().inputTap()).isEqualTo(Duration.ZERO);
  }

  @Test
  void helpPrintsUsageAndReturnsNull() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(VirtualDeviceMain.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(VirtualDeviceMain.USAGE).startsWith("Usage: VirtualDeviceMain");
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertThatThrownBy(() -> VirtualDeviceMain.parse(new String[] {"--port"}, System.out)).hasMessage("--port needs a value");
    assertThatThrownBy(() -> VirtualDeviceMain.parse(new String[] {"--port", "abc"}, System.out)).hasMessage("--port 'abc' is not a number");
    assertThatThrownBy(() -> VirtualDeviceMain.parse(new String[] {"--bogus"}, System.out)).hasMessage("unknown argument '--bogus'");
    assertThatThrownBy(() -> VirtualDeviceMain.parse(new String[] {"--port", "5555"}, System.out)).hasMessageStartingWith("Port 5555 is in 5555-5585");
  }
}
