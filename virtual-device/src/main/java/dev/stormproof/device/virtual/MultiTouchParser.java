package dev.stormproof.device.virtual;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;

/**
 * Turns raw 64-bit Linux {@code input_event} structs (24 bytes, little-endian: timeval
 * tv_sec s64 + tv_usec s64, type u16, code u16, value s32) written to the virtual touchscreen
 * into gestures, following the multi-touch protocol B: {@code ABS_MT_SLOT} selects a contact,
 * {@code ABS_MT_TRACKING_ID} >= 0 starts it and -1 lifts it, {@code ABS_MT_POSITION_X/Y} move
 * it, and {@code SYN_REPORT} commits the frame. A lifted contact that never moved more than the
 * touch slop from where it went down, and was held less than the long-press timeout
 * ({@value #LONG_PRESS_MILLIS} ms, Android 12+), is a tap at its down position; otherwise a swipe
 * from down to up position (a long press is a swipe that ends where it started). A single-touch writer ({@code BTN_TOUCH} with {@code ABS_X/ABS_Y}) drives
 * slot 0. Timestamps in the structs are ignored (the kernel stamps events itself); durations
 * come from the device clock. Not thread-safe: one parser per writing stream.
 */
final class MultiTouchParser {

  static final int EVENT_SIZE = 24;
  static final int EV_SYN = 0;
  static final int EV_KEY = 1;
  static final int EV_ABS = 3;
  static final int SYN_REPORT = 0;
  static final int SYN_DROPPED = 3;
  static final int BTN_TOUCH = 0x14a;
  static final int ABS_X = 0x00;
  static final int ABS_Y = 0x01;
  static final int ABS_MT_SLOT = 0x2f;
  static final int ABS_MT_TOUCH_MAJOR = 0x30;
  static final int ABS_MT_POSITION_X = 0x35;
  static final int ABS_MT_POSITION_Y = 0x36;
  static final int ABS_MT_TRACKING_ID = 0x39;
  static final int ABS_MT_PRESSURE = 0x3a;
  static final int SLOTS = 10;
  static final long LONG_PRESS_MILLIS = 400;

  /** Receives completed gestures. */
  interface Listener {
    void tap(int x, int y);

    void swipe(int x1, int y1, int x2, int y2, long durationMillis);
  }

  private static final class Slot {
    int x;
    int y;
    boolean active;
    boolean pendingDown;
    boolean pendingUp;
    int startX;
    int startY;
    long startMillis;
    long maxDistanceSquared;
  }

  private final Slot[] slots = new Slot[SLOTS];
  private final int slop;
  private final LongSupplier clock;
  private final Listener listener;
  private final ByteBuffer partial = ByteBuffer.allocate(EVENT_SIZE).order(ByteOrder.LITTLE_ENDIAN);
  private int current;
  private long events;

  MultiTouchParser(int slopPixels, LongSupplier clock, Listener listener) {
    for (int i = 0; i < SLOTS; i++) {
      slots[i] = new Slot();
    }
    this.slop = slopPixels;
    this.clock = clock;
    this.listener = listener;
  }

  /** Feeds bytes as they arrive; structs may be split across calls. */
  void feed(byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      partial.put(data[i]);
      if (!partial.hasRemaining()) {
        partial.flip();
        partial.position(16);
        int type = partial.getShort() & 0xffff;
        int code = partial.getShort() & 0xffff;
        int value = partial.getInt();
        partial.clear();
        event(type, code, value);
      }
    }
  }

  long events() {
    return events;
  }

  void event(int type, int code, int value) {
    events++;
    if (type == EV_ABS) {
      abs(code, value);
    } else if (type == EV_KEY && code == BTN_TOUCH) {
      Slot s = slots[0];
      if (value != 0) {
        s.pendingDown = true;
      } else {
        s.pendingUp = true;
      }
    } else if (type == EV_SYN && code == SYN_REPORT) {
      report();
    } else if (type == EV_SYN && code == SYN_DROPPED) {
      for (Slot s : slots) {
        s.active = false;
        s.pendingDown = false;
        s.pendingUp = false;
      }
    }
  }

  private void abs(int code, int value) {
    switch (code) {
      case ABS_MT_SLOT -> current = value >= 0 && value < SLOTS ? value : -1;
      case ABS_MT_TRACKING_ID -> {
        if (current < 0) {
          return;
        }
        if (value < 0) {
          slots[current].pendingUp = true;
        } else {
          slots[current].pendingDown = true;
        }
      }
      case ABS_MT_POSITION_X -> {
        if (current >= 0) {
          slots[current].x = value;
        }
      }
      case ABS_MT_POSITION_Y -> {
        if (current >= 0) {
          slots[current].y = value;
        }
      }
      case ABS_X -> slots[0].x = value;
      case ABS_Y -> slots[0].y = value;
      default -> {
        // pressure, touch major and the like do not change the gesture
      }
    }
  }

  private void report() {
    long now = clock.getAsLong();
    for (Slot s : slots) {
      if (s.pendingDown && !s.active) {
        s.active = true;
        s.startX = s.x;
        s.startY = s.y;
        s.startMillis = now;
        s.maxDistanceSquared = 0;
      }
      if (s.active) {
        long dx = s.x - s.startX;
        long dy = s.y - s.startY;
        s.maxDistanceSquared = Math.max(s.maxDistanceSquared, dx * dx + dy * dy);
        if (s.pendingUp) {
          s.active = false;
          if (s.maxDistanceSquared <= (long) slop * slop && now - s.startMillis < LONG_PRESS_MILLIS) {
            listener.tap(s.startX, s.startY);
          } else {
            listener.swipe(s.startX, s.startY, s.x, s.y, now - s.startMillis);
          }
        }
      }
      s.pendingDown = false;
      s.pendingUp = false;
    }
  }
}
