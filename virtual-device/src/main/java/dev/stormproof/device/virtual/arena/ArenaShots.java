package dev.stormproof.device.virtual.arena;

import dev.stormproof.device.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes full screenshots of every {@link ArenaTour} stop at each size as
 * {@code <stop>_<WxH>.png}, for humans and for tuning matchers.
 *
 * <p>Usage: {@code ArenaShots <folder> [seed] [WxH ...]}; default sizes 720x1600, 1080x2400,
 * 1440x3200 and 2400x1080, default seed {@value ArenaOptions#DEFAULT_SEED}.
 */
final class ArenaShots {
  public static final List<Size> SIZES = List.of(
      new Size(720, 1600), new Size(1080, 2400), new Size(1440, 3200), new Size(2400, 1080));

  private ArenaShots() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: ArenaShots <folder> [seed] [WxH ...], for example /tmp/arena-shots 42 1080x2400");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    ArenaOptions options = args.length > 1 ? ArenaOptions.defaults().withSeed(Long.parseLong(args[1])) : ArenaOptions.defaults();
    List<Size> sizes = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      sizes.add(Size.parse(args[i]));
    }
    for (Size size : sizes.isEmpty() ? SIZES : sizes) {
      for (ArenaTour.Stop stop : ArenaTour.walk(options, size)) {
        Path file = dir.resolve(stop.name() + "_" + size + ".png");
        ImageIO.write(stop.frame(), "png", file.toFile());
        System.out.println(file);
      }
    }
  }
}
