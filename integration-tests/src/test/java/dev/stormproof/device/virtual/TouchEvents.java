package dev.stormproof.device.virtual;

import static dev.stormproof.device.virtual.MultiTouchParser.ABS_MT_POSITION_X;
import static dev.stormproof.device.virtual.MultiTouchParser.ABS_MT_POSITION_Y;
import static dev.stormproof.device.virtual.MultiTouchParser.ABS_MT_SLOT;
import static dev.stormproof.device.virtual.MultiTouchParser.ABS_MT_TRACKING_ID;
import static dev.stormproof.device.virtual.MultiTouchParser.EV_ABS;
import static dev.stormproof.device.virtual.MultiTouchParser.EV_SYN;
import static dev.stormproof.device.virtual.MultiTouchParser.SYN_REPORT;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds raw 64-bit input_event streams as a minitouch-style client writes them. */
final class TouchEvents {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int trackingId = 100;

  TouchEvents event(int type, int code, int value) {
    ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(1_700_000_000L).putLong(123_456L).putShort((short) type).putShort((short) code).putInt(value);
    out.writeBytes(b.array());
    return this;
  }

  TouchEvents down(int slot, int x, int y) {
    return event(EV_ABS, ABS_MT_SLOT, slot).event(EV_ABS, ABS_MT_TRACKING_ID, trackingId++)
        .event(EV_ABS, ABS_MT_POSITION_X, x).event(EV_ABS, ABS_MT_POSITION_Y, y);
  }

  TouchEvents move(int slot, int x, int y) {
    return event(EV_ABS, ABS_MT_SLOT, slot).event(EV_ABS, ABS_MT_POSITION_X, x).event(EV_ABS, ABS_MT_POSITION_Y, y);
  }

  TouchEvents up(int slot) {
    return event(EV_ABS, ABS_MT_SLOT, slot).event(EV_ABS, ABS_MT_TRACKING_ID, -1);
  }

  TouchEvents syn() {
    return event(EV_SYN, SYN_REPORT, 0);
  }

  TouchEvents tap(int x, int y) {
    return down(0, x, y).syn().up(0).syn();
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
