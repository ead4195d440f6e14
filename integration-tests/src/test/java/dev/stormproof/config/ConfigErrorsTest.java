package dev.stormproof.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stormproof.device.DeviceRequest;
import dev.stormproof.device.adb.DeviceOptions;
import dev.stormproof.device.virtual.VirtualDeviceOptions;
import dev.stormproof.device.virtual.VirtualDeviceProvider;
import dev.stormproof.device.virtual.arena.ArenaOptions;
import dev.stormproof.leak.LeakOptions;
import dev.stormproof.tap.TapOptions;
import dev.stormproof.tasks.TaskScopeOptions;
import dev.stormproof.vision.VisionOptions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code stormproof.*} key read by an options reader, given a bad value, fails with a
 * message that names the key, the value and the fix, asserted word for word. The JUnit layer
 * adds only the element in front (tested in BadInputMessagesTest). Not here: {@code stormproof.device}
 * takes any serial or provider name (an unknown one fails at lease time, naming it), and
 * {@code stormproof.report.screenshot} is read by the JUnit layer (FinalScreenshotTest).
 */
class ConfigErrorsTest {

  private static final Map<String, Function<Function<String, Optional<String>>, Object>> READERS = Map.of(
      "tap", TapOptions::fromConfig,
      "tasks", TaskScopeOptions::fromConfig,
      "leak", LeakOptions::fromConfig,
      "vision", VisionOptions::fromConfig,
      "device", c -> DeviceOptions.fromConfig(c, k -> null),
      "virtual", VirtualDeviceOptions::fromConfig,
      "arena", ArenaOptions::fromConfig,
      "provider", c -> new VirtualDeviceProvider().open(new DeviceRequest("virtual", c, k -> null)));

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("tap", "stormproof.tap.rate", "-1",
            "stormproof.tap.rate=-1 is refused: tap rate -1.0 is not a positive number of taps per second; use for example 20"),
        bad("tap", "stormproof.tap.rate", "fast",
            "stormproof.tap.rate=fast is not a number, for example 0.5"),
        bad("tap", "stormproof.tap.burst", "0",
            "stormproof.tap.burst=0 is refused: tap burst 0 is below 1; use 1 for strictly even spacing"),
        bad("tap", "stormproof.tap.capacity", "0",
            "stormproof.tap.capacity=0 is refused: tap capacity 0 is below 1; use for example 1000"),
        bad("tap", "stormproof.tap.overflow", "drop",
            "stormproof.tap.overflow=drop is not one of: block, reject"),
        bad("tap", "stormproof.tap.offerTimeout", "soon",
            "stormproof.tap.offerTimeout=soon is not a duration: write it like 250ms, 10s, 2m or PT10S"),
        bad("tap", "stormproof.tap.deliveryTimeout", "0s",
            "stormproof.tap.deliveryTimeout=0s must be positive, for example 10s"),
        bad("tasks", "stormproof.tasks.closeTimeoutMs", "-1",
            "stormproof.tasks.closeTimeoutMs=-1 is negative: use whole milliseconds, 0 or more, for example 10000"),
        bad("tasks", "stormproof.tasks.cancelGraceMs", "1s",
            "stormproof.tasks.cancelGraceMs=1s is not a whole number, for example 2"),
        bad("tasks", "stormproof.tasks.virtualThreads", "yes",
            "stormproof.tasks.virtualThreads=yes is not a boolean: use true or false"),
        bad("tasks", "stormproof.leak.sites", "maybe",
            "stormproof.leak.sites=maybe is not a boolean: use true or false"),
        bad("leak", "stormproof.leak.warmup", "-1",
            "stormproof.leak.warmup=-1 is refused: use 0 or more iterations, for example 2"),
        bad("leak", "stormproof.leak.nativeBytesTolerance", "16MiB",
            "stormproof.leak.nativeBytesTolerance=16MiB is not a whole number, for example 2"),
        bad("leak", "stormproof.leak.javacppTolerance", "-2",
            "stormproof.leak.javacppTolerance=-2 is refused: use 0 or more, for example 0"),
        bad("leak", "stormproof.leak.threadTolerance", "-3",
            "stormproof.leak.threadTolerance=-3 is refused: use 0 or more, for example 0"),
        bad("leak", "stormproof.leak.bufferTolerance", "-4",
            "stormproof.leak.bufferTolerance=-4 is refused: use 0 or more, for example 0"),
        bad("leak", "stormproof.leak.taskTolerance", "-5",
            "stormproof.leak.taskTolerance=-5 is refused: use 0 or more, for example 0"),
        bad("leak", "stormproof.leak.settleMs", "-6",
            "stormproof.leak.settleMs=-6 is refused: use 0 or more ms, for example 2000"),
        bad("leak", "stormproof.leak.nativeSettleMs", "2s",
            "stormproof.leak.nativeSettleMs=2s is not a whole number, for example 2"),
        bad("leak", "stormproof.leak.maxBackoffMs", "0",
            "stormproof.leak.maxBackoffMs=0 is refused: use 1 ms or more, for example 100"),
        bad("leak", "stormproof.leak.stairWindow", "2",
            "stormproof.leak.stairWindow=2 is refused: use 0 (off) or 3 or more, for example 10"),
        bad("leak", "stormproof.leak.stairPercent", "50",
            "stormproof.leak.stairPercent=50 is refused: use 51 to 100, for example 80"),
        bad("leak", "stormproof.leak.ignoreThreads", "worker[",
            "stormproof.leak.ignoreThreads=worker[ is refused: thread-name pattern 'worker[' is not a regex: Unclosed character class; escape special characters like \\. and \\["),
        bad("leak", "stormproof.leak.stackDepth", "0",
            "stormproof.leak.stackDepth=0 is refused: use 1 or more, for example 12"),
        bad("leak", "stormproof.leak.jfr", "on",
            "stormproof.leak.jfr=on is not a boolean: use true or false"),
        bad("leak", "stormproof.leak.jfrMaxBytes", "1000",
            "stormproof.leak.jfrMaxBytes=1000 is refused: use at least 1048576, for example 33554432"),
        bad("leak", "stormproof.leak.strict", "sure",
            "stormproof.leak.strict=sure is not a boolean: use true or false"),
        bad("vision", "stormproof.vision.threshold", "1.5",
            "stormproof.vision.threshold=1.5 is refused: VisionOptions: threshold 1.5 is outside (0, 1]: use a TM_CCOEFF_NORMED score such as 0.9"),
        bad("vision", "stormproof.vision.timeout", "forever",
            "stormproof.vision.timeout='forever' is not a duration: use 500ms, 5s, 2m or PT5S"),
        bad("vision", "stormproof.vision.poll", "0ms",
            "stormproof.vision.poll=0ms is refused: poll PT0S must be positive, for example 5s"),
        bad("vision", "stormproof.vision.scales", "2-1",
            "stormproof.vision.scales=2-1 is refused: stormproof.vision.scales: scales 2.0-1.0 are not a range 0 < min <= max <= 8: use for example 0.75-1.33, or 1-1 for exact size"),
        bad("vision", "stormproof.vision.colorTolerance", "-1",
            "stormproof.vision.colorTolerance=-1 is refused: colorTolerance -1.0 is outside [0, 1]: use a normalised BGR distance such as 0.12"),
        bad("vision", "stormproof.vision.templates", "../up",
            "stormproof.vision.templates=../up is refused: template root '../up' is not a relative class path folder: use for example templates"),
        bad("vision", "stormproof.vision.templateCacheBytes", "lots",
            "stormproof.vision.templateCacheBytes='lots' is not a byte count: use 67108864, 64m or 512k"),
        bad("vision", "stormproof.vision.resultCacheSize", "-1",
            "stormproof.vision.resultCacheSize=-1 is refused: resultCacheSize -1 is negative: use 0 (no result cache) or more, for example 256"),
        bad("vision", "stormproof.vision.referenceShortSide", "-1",
            "stormproof.vision.referenceShortSide=-1 is refused: referenceShortSide -1 must be 0 (off) or the short side in pixels of the screen the templates were cut from, e.g. 1080"),
        bad("vision", "stormproof.vision.maxResults", "0",
            "stormproof.vision.maxResults=0 is refused: maxResults 0 is below 1: use 1 or more, for example 64"),
        bad("provider", "stormproof.device.virtualCount", "0",
            "stormproof.device.virtualCount=0 is not a positive whole number, for example 2"),
        bad("device", "stormproof.device.timeout", "10",
            "stormproof.device.timeout=10 is not a duration: write it like 250ms, 10s, 2m or PT10S"),
        bad("device", "stormproof.device.leaseTimeout", "-1s",
            "stormproof.device.leaseTimeout=-1s must be positive, for example 10s"),
        bad("device", "stormproof.adb.servers", "localhost",
            "stormproof.adb.servers entry 'localhost' is not host:port, for example 127.0.0.1:5037"),
        bad("device", "stormproof.adb.connectTimeout", "x",
            "stormproof.adb.connectTimeout=x is not a duration: write it like 250ms, 10s, 2m or PT10S"),
        bad("device", "stormproof.adb.tcpNoDelay", "1",
            "stormproof.adb.tcpNoDelay=1 is not a boolean: use true or false"),
        bad("device", "stormproof.adb.touch", "finger",
            "stormproof.adb.touch=finger is not one of: auto, input, raw"),
        bad("device", "stormproof.adb.capture", "jpeg",
            "stormproof.adb.capture=jpeg is not one of: auto, raw, png"),
        bad("device", "stormproof.adb.maxStreams", "0",
            "stormproof.adb.maxStreams=0 is not a positive whole number, for example 2"),
        bad("virtual", "stormproof.virtual.profile", "pixel9",
            "stormproof.virtual.profile=pixel9 is not one of: default, api27, panel4096, rotatedPanel, selinux, slowPhone, unauthorized"),
        bad("virtual", "stormproof.virtual.host", "example.com",
            "stormproof.virtual.host=example.com is refused: Bind host 'example.com' does not resolve: use 127.0.0.1"),
        bad("virtual", "stormproof.virtual.port", "5555",
            "stormproof.virtual.port=5555 is refused: Port 5555 is in 5555-5585, which every adb server on this machine probes and auto-registers as an emulator (emulator-5554 is port 5555, and so on); use 0 (ephemeral) or a port outside that range"),
        bad("virtual", "stormproof.virtual.size", "big",
            "stormproof.virtual.size=big is refused: Size 'big' is not WIDTHxHEIGHT, for example 1080x2400"),
        bad("virtual", "stormproof.virtual.model", "a/b",
            "stormproof.virtual.model=a/b is refused: Device model 'a/b' is not usable in the adb banner: use letters, digits, space, '.', '_', '+' or '-'"),
        bad("virtual", "stormproof.virtual.product", "a b;",
            "stormproof.virtual.product=a b; is refused: Device product 'a b;' is not usable in the adb banner: use letters, digits, space, '.', '_', '+' or '-'"),
        bad("virtual", "stormproof.virtual.device", "$(x)",
            "stormproof.virtual.device=$(x) is refused: Device device '$(x)' is not usable in the adb banner: use letters, digits, space, '.', '_', '+' or '-'"),
        bad("virtual", "stormproof.virtual.density", "0",
            "stormproof.virtual.density=0 is refused: Density 0 must be positive, for example 420"),
        bad("virtual", "stormproof.virtual.sdk", "20",
            "stormproof.virtual.sdk=20 is refused: SDK level 20 is older than shell_v2 devices (21+): use 21 or newer"),
        bad("virtual", "stormproof.virtual.tapLogCapacity", "0",
            "stormproof.virtual.tapLogCapacity=0 is refused: Tap log capacity 0 must be positive, for example 100000"),
        bad("virtual", "stormproof.virtual.handshakeTimeout", "0s",
            "stormproof.virtual.handshakeTimeout=0s must be positive, for example 10s"),
        bad("virtual", "stormproof.virtual.messageTimeout", "later",
            "stormproof.virtual.messageTimeout=later is not a duration: write it like 250ms, 10s, 2m or PT10S"),
        bad("virtual", "stormproof.virtual.idleTimeout", "-1s",
            "stormproof.virtual.idleTimeout=-1s must be positive, for example 10s"),
        bad("virtual", "stormproof.virtual.peerBudget", "500",
            "stormproof.virtual.peerBudget=500 is refused: use 1 to 128 (the device's connection cap)"),
        bad("virtual", "stormproof.virtual.latency.fast", "yes",
            "stormproof.virtual.latency.fast=yes is not a boolean: use true or false"),
        bad("virtual", "stormproof.virtual.latency.inputTap", "-1",
            "stormproof.virtual.latency.inputTap=-1 is negative: use whole milliseconds, 0 or more, for example 600"),
        bad("virtual", "stormproof.virtual.latency.inputSwipe", "1s",
            "stormproof.virtual.latency.inputSwipe=1s is not a whole number, for example 2"),
        bad("virtual", "stormproof.virtual.latency.inputText", "x",
            "stormproof.virtual.latency.inputText=x is not a whole number, for example 2"),
        bad("virtual", "stormproof.virtual.latency.inputKey", "-2",
            "stormproof.virtual.latency.inputKey=-2 is negative: use whole milliseconds, 0 or more, for example 600"),
        bad("virtual", "stormproof.virtual.latency.rawEventWrite", "y",
            "stormproof.virtual.latency.rawEventWrite=y is not a whole number, for example 2"),
        bad("virtual", "stormproof.virtual.latency.screencapPng", "-3",
            "stormproof.virtual.latency.screencapPng=-3 is negative: use whole milliseconds, 0 or more, for example 600"),
        bad("virtual", "stormproof.virtual.latency.screencapRaw", "z",
            "stormproof.virtual.latency.screencapRaw=z is not a whole number, for example 2"),
        bad("virtual", "stormproof.virtual.latency.command", "-4",
            "stormproof.virtual.latency.command=-4 is negative: use whole milliseconds, 0 or more, for example 600"),
        bad("arena", "stormproof.arena.seed", "random",
            "stormproof.arena.seed=random is not a whole number, for example 2"),
        bad("arena", "stormproof.arena.attacksToWin", "0",
            "stormproof.arena.attacksToWin=0 is refused: Arena attacksToWin is 0: it must be at least 1"),
        bad("arena", "stormproof.arena.startCoins", "-1",
            "stormproof.arena.startCoins=-1 is refused: Arena coins must not be negative: startCoins=-1, battleReward=100, bonusReward=25; use 0 or more"),
        bad("arena", "stormproof.arena.battleReward", "x",
            "stormproof.arena.battleReward=x is not a whole number, for example 2"),
        bad("arena", "stormproof.arena.bonusReward", "-1",
            "stormproof.arena.bonusReward=-1 is refused: Arena coins must not be negative: startCoins=100, battleReward=100, bonusReward=-1; use 0 or more"),
        bad("arena", "stormproof.arena.screenSize", "0x10",
            "stormproof.arena.screenSize=0x10 is refused: Size 0x10 is empty: width and height must be positive, for example 1080x2400"));
  }

  private static Arguments bad(String reader, String key, String value, String message) {
    return Arguments.of(reader, key, value, message);
  }

  @ParameterizedTest(name = "{1}={2}")
  @MethodSource("badValues")
  void aBadValueNamesTheKeyTheValueAndTheFix(String reader, String key, String value, String message) {
    Map<String, String> config = Map.of(key, value);
    assertThatThrownBy(() -> READERS.get(reader).apply(k -> Optional.ofNullable(config.get(k))))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
