package dev.stormproof.vision;

import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.stormproof.device.Screenshot;
import dev.stormproof.device.Size;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * One captured screen held in native memory (RGBA copy, gray, and lazily computed downscaled
 * gray levels), owned by the {@link Vision} that captured it.
 *
 * <p>Scope: valid until {@link #close()} or until its Vision closes, whichever comes first;
 * afterwards every native method throws {@link IllegalStateException} (never a JVM crash), also
 * when another thread closes it while a search runs on it (close waits for the search).
 * Thread-safe.
 */
public final class Frame implements AutoCloseable {

  private final Vision vision;
  private final Gate gate;
  private final Size size;
  private final long hash;
  private final long capturedAtNanos;
  private final Buffers buffers;

  /** The native buffers of a frame; recycled by the Vision between poll cycles. */
  static final class Buffers implements AutoCloseable {
    OwnedMat rgba;
    OwnedMat gray;
    final OwnedMat[] levels = new OwnedMat[5]; // divisor 2^i
    final boolean[] levelValid = new boolean[5];

    @Override
    public void close() {
      if (rgba != null) {
        rgba.close();
      }
      if (gray != null) {
        gray.close();
      }
      for (OwnedMat m : levels) {
        if (m != null) {
          m.close();
        }
      }
    }
  }

  Frame(Vision vision, Gate.Call call, Screenshot shot, Buffers buffers) {
    this.vision = vision;
    this.size = shot.size();
    this.capturedAtNanos = shot.capturedAtNanos();
    this.buffers = buffers;
    this.gate = new Gate("Frame " + size + " captured by " + vision.name(), vision.ledger(), vision.owner(), false);
    ByteBuffer src = shot.rgba().duplicate();
    this.hash = hash(src.duplicate(), size);
    int w = size.width();
    int h = size.height();
    LedgerScope scope = call.scope;
    buffers.rgba = OwnedMat.ensure(buffers.rgba, scope, h, w, opencv_core.CV_8UC4);
    buffers.gray = OwnedMat.ensure(buffers.gray, scope, h, w, opencv_core.CV_8UC1);
    java.util.Arrays.fill(buffers.levelValid, false);
    long n = (long) w * h * 4;
    BytePointer data = buffers.rgba.mat().data();
    data.capacity(n).limit(n).asByteBuffer().put(src);
    cvtColor(buffers.rgba.mat(), buffers.gray.mat(), COLOR_RGBA2GRAY);
  }

  // 64 bits from two hardware-accelerated CRCs over every pixel: a changed pixel anywhere must
  // miss the result cache, so a sampled or downscaled hash is not enough.
  private static long hash(ByteBuffer rgba, Size size) {
    CRC32C c1 = new CRC32C();
    c1.update(rgba.duplicate());
    CRC32 c2 = new CRC32();
    c2.update(rgba);
    return (c1.getValue() << 32 | c2.getValue()) ^ ((long) size.width() << 20) ^ size.height();
  }

  /** @return the frame's size in physical pixels */
  public Size size() {
    return size;
  }

  /** @return the frame's width in pixels */
  public int width() {
    return size.width();
  }

  /** @return the frame's height in pixels */
  public int height() {
    return size.height();
  }

  /**
   * A 64-bit content hash of every pixel; equal frames have equal hashes. Readable after close.
   *
   * @return the hash
   */
  public long hash() {
    return hash;
  }

  /** @return {@link System#nanoTime()} when the device completed the capture */
  public long capturedAtNanos() {
    return capturedAtNanos;
  }

  /** @return true once this frame or its Vision is closed */
  public boolean isClosed() {
    return gate.isClosed() || vision.gateClosed();
  }

  /**
   * Encodes the frame as PNG (a temporary native buffer, freed before returning).
   *
   * @return the PNG file's bytes
   * @throws IllegalStateException once this frame or its Vision is closed
   */
  public byte[] toPng() {
    try (Gate.Call v = vision.enter("Frame.toPng()"); Gate.Call f = gate.enter("Frame.toPng()")) {
      Mat bgr = new Mat(size.height(), size.width(), opencv_core.CV_8UC3);
      cvtColor(buffers.rgba.mat(), bgr, COLOR_RGBA2BGR);
      return Evidence.png(bgr);
    }
  }

  /** Enters this frame for a native read; used by searches (nested in a Vision call). */
  Gate.Call use(String operation) {
    return gate.enter(operation);
  }

  Mat rgba() {
    return buffers.rgba.mat();
  }

  Mat gray() {
    return buffers.gray.mat();
  }

  /** The gray frame downscaled by {@code 2^index} (INTER_AREA), computed once per frame. */
  synchronized Mat level(int index, LedgerScope scope) {
    if (index == 0) {
      return gray();
    }
    if (!buffers.levelValid[index]) {
      int d = 1 << index;
      int w = size.width() / d;
      int h = size.height() / d;
      buffers.levels[index] = OwnedMat.ensure(buffers.levels[index], scope, h, w, opencv_core.CV_8UC1);
      try (org.bytedeco.opencv.opencv_core.Size s = new org.bytedeco.opencv.opencv_core.Size(w, h)) {
        resize(gray(), buffers.levels[index].mat(), s, 0, 0, INTER_AREA);
      }
      buffers.levelValid[index] = true;
    }
    return buffers.levels[index].mat();
  }

  /** Mean colour of a rectangle as {B, G, R}. */
  double[] meanBgr(int x, int y, int w, int h) {
    try (Rect r = new Rect(x, y, w, h); Mat view = rgba().apply(r)) {
      Scalar m = mean(view);
      return new double[] {m.get(2), m.get(1), m.get(0)};
    }
  }

  /**
   * Returns the buffers to the Vision for reuse (or frees them). Idempotent; waits for searches
   * on this frame in other threads to finish.
   */
  @Override
  public void close() {
    gate.close(java.time.Duration.ofSeconds(30), () -> vision.recycle(this, buffers));
  }

  @Override
  public String toString() {
    return "Frame " + size + " hash " + Long.toHexString(hash);
  }
}
