package dev.stormproof.device.adb;

import dev.stormproof.device.Point;
import dev.stormproof.device.Size;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The fast touch channel: one long-lived shell stream that copies its stdin to the touchscreen's
 * {@code /dev/input/eventN}; a tap is one write of {@code input_event} structs (64-bit layout,
 * 24 bytes: timeval 16, type u16, code u16, value s32) in multi-touch protocol B. The kernel
 * stamps injected events itself, so the time fields are zero.
 *
 * <p>Not thread-safe: the owning {@link AdbDevice} serialises taps on it. The stream is reopened
 * after {@link #ROTATE_AFTER} taps because dadb 1.2.10 queues every OKAY for a stream until the
 * stream closes (a slow leak on a channel that never closes).
 */
final class RawTouch implements AutoCloseable {

  static final int EVENT_SIZE = 24;
  static final int ROTATE_AFTER = 2000;
  private static final int EV_SYN = 0;
  private static final int EV_KEY = 1;
  private static final int EV_ABS = 3;
  private static final int SYN_REPORT = 0;
  private static final int BTN_TOUCH = 0x14a;

  private final TouchScreen screen;
  private final String service;
  private AdbTransport transport;
  private AdbTransport.Channel channel;
  private int writes;
  private int trackingId;

  RawTouch(TouchScreen screen) {
    this.screen = screen;
    // exec: is binary-safe (no pty) on every Android version and needs no packet framing.
    this.service = "exec:cat > " + ShellQuote.quote(screen.path());
  }

  TouchScreen screen() {
    return screen;
  }

  /** Builds the bytes of one tap at {@code p} on a screen of {@code size}. */
  byte[] tapEvents(Point p, Size size) {
    ByteBuffer b = ByteBuffer.allocate(EVENT_SIZE * 8).order(ByteOrder.LITTLE_ENDIAN);
    trackingId = (trackingId + 1) & 0xFFFF;
    event(b, EV_ABS, TouchScreen.ABS_MT_SLOT, 0);
    event(b, EV_ABS, TouchScreen.ABS_MT_TRACKING_ID, trackingId);
    event(b, EV_ABS, TouchScreen.ABS_MT_POSITION_X, screen.panelX(p.x(), size.width()));
    event(b, EV_ABS, TouchScreen.ABS_MT_POSITION_Y, screen.panelY(p.y(), size.height()));
    event(b, EV_KEY, BTN_TOUCH, 1);
    event(b, EV_SYN, SYN_REPORT, 0);
    event(b, EV_ABS, TouchScreen.ABS_MT_TRACKING_ID, -1);
    event(b, EV_KEY, BTN_TOUCH, 0);
    // Up needs its own report: down and up in one frame would be a zero-length contact.
    ByteBuffer all = ByteBuffer.allocate(EVENT_SIZE * 9).order(ByteOrder.LITTLE_ENDIAN);
    all.put(b.array(), 0, b.position());
    event(all, EV_SYN, SYN_REPORT, 0);
    return all.array();
  }

  private static void event(ByteBuffer b, int type, int code, int value) {
    b.putLong(0).putLong(0).putShort((short) type).putShort((short) code).putInt(value);
  }

  /** Writes one tap; opens (or rotates) the stream on {@code t} as needed. */
  void tap(AdbTransport t, Point p, Size size) throws IOException {
    if (channel == null || transport != t || writes >= ROTATE_AFTER) {
      close();
      channel = t.open(service);
      transport = t;
      writes = 0;
    }
    byte[] events = tapEvents(p, size);
    try {
      channel.out().write(events);
      channel.out().flush();
      writes++;
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
