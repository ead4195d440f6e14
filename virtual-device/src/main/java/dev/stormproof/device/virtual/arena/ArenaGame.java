package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import dev.stormproof.device.virtual.VirtualApp;
import java.awt.image.BufferedImage;
import dev.stormproof.device.virtual.AppProcess;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sample game Arena: title, seeded loading screens, lobby, battle, reward pop-up and shop,
 * drawn with Java2D and a bundled font so a frame is byte-identical for the same seed, inputs and
 * times on every machine with the same JDK.
 *
 * <p>State changes only through the {@link VirtualApp} calls; loading screens end when a call
 * carries a {@code nowMillis} at or past their end, so the game needs no thread of its own. A new
 * game is stopped (the launcher) until {@link #start(long)}; {@code start} begins a fresh session
 * (coins, wins, name reset) while the input counters keep counting.
 *
 * <p>Times ({@code nowMillis}) should not go backwards between calls: a loading screen left at
 * one time stays left. Animations (particles, glow, enemy bob, spinner) are functions of the time
 * alone.
 *
 * <p>Taps are in pixels of the current screen size: the options' size until a {@link #render}
 * or {@link #screenSize(Size)} changes it. {@link #scene(Size, long)} gives the ground truth of
 * what is where.
 *
 * <p>Thread safety: every method locks the game, so calls from several connection threads are
 * applied one at a time. No clean-up is needed; it holds at most a few cached backgrounds.
 */
public final class ArenaGame implements VirtualApp {
  /** The game's Android package name. */
  public static final String PACKAGE = "dev.stormproof.arena";
  /** The launch component, for {@code Device.startApp}. */
  public static final String COMPONENT = PACKAGE + "/.MainActivity";
  static final int KEYCODE_BACK = 4;
  static final int KEYCODE_ENTER = 66;
  static final int KEYCODE_DEL = 67;
  /** Longest player name; longer text is cut. */
  static final int MAX_NAME = 16;

  private final ArenaState state;
  private final ArenaRenderer renderer;
  private Size screenSize;

  /** Default options; the constructor {@link java.util.ServiceLoader} uses. */
  public ArenaGame() {
    this(ArenaOptions.defaults());
  }

  /**
   * Default options with another seed.
   *
   * @param seed decides loading times, enemies and rewards
   */
  public ArenaGame(long seed) {
    this(ArenaOptions.defaults().withSeed(seed));
  }

  /**
   * A game with these options, stopped (the launcher) until {@link #start(long)}.
   *
   * @param options seed, rules and initial screen size
   */
  public ArenaGame(ArenaOptions options) {
    this.state = new ArenaState(Objects.requireNonNull(options, "options"));
    this.renderer = new ArenaRenderer(options.seed());
    this.screenSize = options.screenSize();
  }

  /**
   * The duration of the {@code n}-th loading screen (0-based, counted from {@code start}) for a
   * seed: {@value Seeds#LOADING_MIN_MS}-{@value Seeds#LOADING_MAX_MS} ms.
   */
  static int loadingMillis(long seed, int n) {
    return Seeds.loadingMillis(seed, n);
  }

  @Override
  public String packageName() {
    return PACKAGE;
  }

  @Override
  public String component() {
    return COMPONENT;
  }

  /** @return the options the game was made with */
  public ArenaOptions options() {
    return state.options;
  }

  @Override
  public synchronized void start(long nowMillis) {
    state.process.start(nowMillis);
    state.reset();
    state.lastEvent = "start";
  }

  @Override
  public synchronized void stop(long nowMillis) {
    state.screen = ArenaScreen.LAUNCHER;
    state.popup = null;
    state.loadingTarget = null;
    state.process.kill();
    state.lastEvent = "stop";
  }

  /** The size taps refer to from now on. */
  public synchronized void screenSize(Size size) {
    this.screenSize = Objects.requireNonNull(size, "size");
  }

  /** @return the size taps refer to */
  public synchronized Size screenSize() {
    return screenSize;
  }

  /**
   * Renders into a new TYPE_INT_RGB image, which the caller owns and may keep; the size becomes
   * the one taps refer to.
   */
  @Override
  public synchronized BufferedImage render(Size size, long nowMillis) {
    BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
    renderInto(image, nowMillis);
    return image;
  }

  /**
   * Renders over all of {@code target}, a caller-owned image (any type {@code createGraphics}
   * supports; TYPE_INT_RGB is fastest) whose size becomes the one taps refer to. The caller may
   * reuse it for every frame of that size.
   */
  synchronized void renderInto(BufferedImage target, long nowMillis) {
    Size size = new Size(target.getWidth(), target.getHeight());
    advance(nowMillis);
    this.screenSize = size;
    ArenaLayout layout = new ArenaLayout(size);
    renderer.draw(target, layout, layout.scene(state, nowMillis), state, nowMillis);
  }

  /**
   * What is visible; does not change the tap size.
   *
   * @param size the screen size to lay out for
   * @param nowMillis the game time
   * @return every element on screen with its bounds
   */
  public synchronized Scene scene(Size size, long nowMillis) {
    advance(nowMillis);
    return new ArenaLayout(size).scene(state, nowMillis);
  }

  /** Arena's scene as {@code uiautomator dump} XML (see {@link ArenaUiDump}). */
  @Override
  public synchronized String uiDump(Size size, long nowMillis) {
    return ArenaUiDump.xml(scene(size, nowMillis));
  }

  /**
   * What is visible at the current screen size.
   *
   * @param nowMillis the game time
   * @return every element on screen with its bounds
   */
  public synchronized Scene scene(long nowMillis) {
    return scene(screenSize, nowMillis);
  }

  /**
   * The screen shown at a time; a loading screen that has ended is left first.
   *
   * @param nowMillis the game time
   * @return the screen
   */
  public synchronized ArenaScreen currentScreen(long nowMillis) {
    advance(nowMillis);
    return state.visibleScreen();
  }

  /** @return the screen as of the last call; a loading screen past its end is still reported */
  public synchronized ArenaScreen currentScreen() {
    return state.visibleScreen();
  }

  /** When the current loading screen ends, or -1 when none is shown. */
  synchronized long loadingEndsAt() {
    return state.screen == ArenaScreen.LOADING ? state.loadingEnd : -1;
  }

  /** @return coins in this session */
  public synchronized int coins() {
    return state.coins;
  }

  /** @return battles won in this session */
  public synchronized int battlesWon() {
    return state.battlesWon;
  }

  /** @return shop purchases in this session */
  public synchronized int purchases() {
    return state.purchases;
  }

  /** @return ATTACK taps in this session */
  public synchronized int attacks() {
    return state.attacksTotal;
  }

  /** @return the name typed on the name screen; empty when none */
  public synchronized String playerName() {
    return state.playerName.toString();
  }

  /** @return every tap since the game was created, hit or not */
  public synchronized long tapsReceived() {
    return state.taps;
  }

  /** @return taps that hit a button or field */
  public synchronized long tapsOnElements() {
    return state.tapsOnElements;
  }

  /** @return taps dropped because a loading screen was shown */
  public synchronized long tapsIgnored() {
    return state.tapsIgnored;
  }

  @Override
  public synchronized void tap(int x, int y, long nowMillis) {
    advance(nowMillis);
    state.taps++;
    if (state.process.notResponding()) {
      state.tapsIgnored++;
      state.lastEvent = "tap " + x + "," + y + " ignored: not responding";
      return;
    }
    if (state.screen == ArenaScreen.LOADING) {
      state.tapsIgnored++;
      state.lastEvent = "tap " + x + "," + y + " ignored: loading";
      return;
    }
    var hit = new ArenaLayout(screenSize).scene(state, nowMillis).hit(x, y);
    if (hit.isEmpty()) {
      state.lastEvent = "tap " + x + "," + y + " missed";
      return;
    }
    state.tapsOnElements++;
    state.lastEvent = "tap " + x + "," + y + " on " + hit.get().name();
    ArenaRules.act(state, hit.get().name(), nowMillis);
  }

  @Override
  public synchronized void swipe(int x1, int y1, int x2, int y2, long durationMillis, long nowMillis) {
    advance(nowMillis);
    state.swipes++;
    if (state.visibleScreen() != ArenaScreen.SHOP) {
      state.lastEvent = "swipe ignored on " + state.visibleScreen().id();
      return;
    }
    ArenaLayout layout = new ArenaLayout(screenSize);
    int delta = (int) Math.round((y1 - y2) / layout.u);
    state.shopScroll = Math.max(0, Math.min(layout.maxShopScroll(), state.shopScroll + delta));
    state.lastEvent = "swipe scrolled shop to " + state.shopScroll;
  }

  /**
   * Appends printable ASCII to the player-name field when the title screen shows it (up to
   * {@value #MAX_NAME} characters); ignored elsewhere. The text is taken literally: decoding
   * {@code input text} escapes such as {@code %s} is the shell's job.
   */
  @Override
  public synchronized void text(String text, long nowMillis) {
    Objects.requireNonNull(text, "text");
    advance(nowMillis);
    if (state.visibleScreen() != ArenaScreen.TITLE) {
      state.lastEvent = "text ignored on " + state.visibleScreen().id() + ": no focused field";
      return;
    }
    text.codePoints().filter(c -> c >= 0x20 && c < 0x7f)
        .forEach(c -> {
          if (state.playerName.length() < MAX_NAME) {
            state.playerName.appendCodePoint(c);
          }
        });
    state.lastEvent = "text into name_field";
  }

  @Override
  public synchronized void key(int keyCode, long nowMillis) {
    advance(nowMillis);
    state.keys++;
    state.lastEvent = "key " + keyCode + " " + ArenaRules.key(state, keyCode);
  }

  @Override
  public synchronized String lastEvent() {
    return state.lastEvent == null ? "" : state.lastEvent;
  }

  @Override
  public String versionName() {
    return "2.4.1";
  }

  @Override
  public synchronized String dump(long nowMillis) {
    advance(nowMillis);
    Scene scene = new ArenaLayout(screenSize).scene(state, nowMillis);
    StringBuilder b = new StringBuilder();
    b.append("package=").append(PACKAGE).append('\n')
        .append("running=").append(state.screen != ArenaScreen.LAUNCHER).append('\n')
        .append("screen=").append(state.visibleScreen().id()).append('\n')
        .append("seed=").append(state.options.seed()).append('\n')
        .append("size=").append(screenSize).append('\n')
        .append("coins=").append(state.coins).append('\n')
        .append("battlesWon=").append(state.battlesWon).append('\n')
        .append("battleHits=").append(state.hits).append('/').append(state.options.attacksToWin()).append('\n')
        .append("purchases=").append(state.purchases).append('\n')
        .append("playerName=").append(state.playerName).append('\n')
        .append("tapsReceived=").append(state.taps).append('\n')
        .append("tapsOnElements=").append(state.tapsOnElements).append('\n')
        .append("tapsIgnored=").append(state.tapsIgnored).append('\n')
        .append("keys=").append(state.keys).append('\n')
        .append("swipes=").append(state.swipes).append('\n');
    if (state.screen == ArenaScreen.LOADING) {
      b.append("loadingEndsAt=").append(state.loadingEnd).append('\n');
    }
    b.append("lastEvent=").append(state.lastEvent).append('\n');
    b.append("elements=").append(scene.elements().stream()
        .map(e -> e.name() + " " + e.bounds()).collect(Collectors.joining("; "))).append('\n');
    return b.toString();
  }

  /** The game's process, while it runs; see {@link ArenaProcess} for the debug switches. */
  @Override
  public synchronized Optional<AppProcess> process(long nowMillis) {
    advance(nowMillis);
    if (!state.process.running()) {
      return Optional.empty();
    }
    int elements = new ArenaLayout(screenSize).scene(state, nowMillis).elements().size();
    return Optional.of(state.process.snapshot(state.visibleScreen(), elements, nowMillis));
  }

  @Override
  public synchronized void resetFrameStats(long nowMillis) {
    state.process.resetFrames(nowMillis);
  }

  /** Reads Arena's debug switches, {@code debug.arena.*} (see {@link ArenaProcess}). */
  @Override
  public synchronized void propertySet(String key, String value, long nowMillis) {
    if (key.startsWith(ArenaProcess.PREFIX)) {
      state.process.property(key, value);
    }
  }

  @Override
  public synchronized List<String> crashLog() {
    return state.process.crashLog();
  }

  private void advance(long nowMillis) {
    ArenaRules.advance(state, nowMillis);
  }
}
