/**
 * A virtual Android device in the JVM that real {@code adb} and dadb talk to over loopback TCP:
 * {@link dev.stormproof.device.virtual.VirtualDevice} with its
 * {@link dev.stormproof.device.virtual.VirtualDeviceOptions},
 * {@link dev.stormproof.device.virtual.LatencyModel}, {@link dev.stormproof.device.virtual.Faults}
 * and {@link dev.stormproof.device.virtual.TapLog}; the app on screen is any
 * {@link dev.stormproof.device.virtual.VirtualApp}. Depends only on {@code dev.stormproof.device}.
 *
 * <p>Wire facts worth knowing: the banner advertises {@code features=shell_v2,cmd} (no
 * {@code delayed_ack}); services {@code shell:}, {@code shell,v2,...:} and {@code exec:}; no pty
 * is emulated, so {@code shell:} output is not CR/LF-translated; raw {@code screencap} writes a
 * 16-byte header (u32 LE width, height, format 1 = RGBA_8888, colorspace 1 = sRGB) as Android
 * 10+ does, then RGBA rows; the touchscreen is {@code /dev/input/event2}, written with
 * {@code exec:cat > /dev/input/event2} (binary-safe; {@code shell,v2,raw:} also works).
 */
package dev.stormproof.device.virtual;
